package kmock.internal.k8s.controllers.nodes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import kmock.handlers.Controllers.Transition;
import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.emulator.PodBinding;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The default scheduler: binds each pending pod (of {@code default-scheduler}, without scheduling gates) to a node
 * it fits ({@link NodeFit}), spreading the pods of one owner over the nodes and then filling the emptiest, through
 * the pod's {@code binding} subresource; a pod that fits nowhere gets {@code PodScheduled=False} with the reasons
 * counted as the scheduler words them, and is tried again when nodes change or pods go.
 */
public final class Scheduler extends Controller {

    private final Set<ObjectKey> pending = ConcurrentHashMap.newKeySet();

    /** The scheduler of a cluster. */
    public Scheduler(ClusterClient cluster) {
        super("scheduler", Kinds.PODS, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        ObjectKey key = event.key();
        if (key.resource().equals(Kinds.NODES)) {
            pending.forEach(keys::add);
        } else if (key.resource().equals(Kinds.PODS)) {
            Map<String, Object> pod = event.object();
            if (event.type() == StoreEvent.Type.DELETED || Pods.terminal(pod)) {
                boolean freed = Pods.node(pod) != null;
                pending.remove(key);
                if (freed) {
                    pending.forEach(keys::add);
                }
            } else if (Pods.node(pod) == null && !Tree.deleting(pod) && ours(pod)) {
                pending.add(key);
                keys.add(key);
            } else {
                pending.remove(key);
            }
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> pod = cluster.get(key);
        if (pod == null
                || Pods.node(pod) != null
                || Tree.deleting(pod)
                || !ours(pod)
                || !Tree.list(Tree.at(pod, "spec", "schedulingGates")).isEmpty()) {
            return;
        }
        Instant created = Tree.time(Tree.meta(pod).get("creationTimestamp"));
        Instant due = (created == null ? cluster.now() : created)
                .plus(cluster.settings().delay(Transition.SCHEDULE));
        if (cluster.now().isBefore(due)) {
            cluster.later(this, key, due);
            return;
        }
        List<Map<String, Object>> nodes = cluster.list(Kinds.NODES, null);
        List<Map<String, Object>> pods =
                cluster.list(Kinds.PODS, null, other -> Pods.node(other) != null && !Pods.terminal(other));
        Map<String, Integer> reasons = new TreeMap<>();
        List<Candidate> fits = new ArrayList<>();
        Object owner = ownerUid(pod);
        for (Map<String, Object> node : nodes) {
            String name = Tree.name(node);
            List<Map<String, Object>> there =
                    pods.stream().filter(other -> NodeFit.occupies(other, name)).toList();
            String misfit = NodeFit.misfit(pod, node, there);
            if (misfit == null) {
                long siblings = owner == null
                        ? 0
                        : there.stream()
                                .filter(other -> owner.equals(ownerUid(other)))
                                .count();
                fits.add(new Candidate(name, siblings, there.size()));
            } else {
                reasons.merge(misfit, 1, Integer::sum);
            }
        }
        if (fits.isEmpty()) {
            unschedulable(key, nodes.size(), reasons);
            return;
        }
        fits.sort(Comparator.comparingLong(Candidate::siblings)
                .thenComparingInt(Candidate::pods)
                .thenComparing(Candidate::node));
        String node = fits.get(0).node();
        cluster.updateSubresource(
                key, "binding", edited -> PodBinding.bind(edited, node, null, cluster.timestamp()), Manager.SCHEDULER);
    }

    private void unschedulable(ObjectKey key, int total, Map<String, Integer> reasons) {
        String message;
        if (total == 0) {
            message = "no nodes available to schedule pods";
        } else {
            List<String> parts = new ArrayList<>();
            reasons.forEach((reason, count) -> parts.add(count + " " + reason));
            message = "0/" + total + " nodes are available: " + String.join(", ", parts) + ". preemption: 0/" + total
                    + " nodes are available: " + total + " Preemption is not helpful for scheduling.";
        }
        cluster.updateStatus(
                key,
                edited -> {
                    Map<String, Object> status = Tree.child(edited, "status");
                    Map<String, Object> current = Conditions.find(status, "PodScheduled");
                    if (current == null || !message.equals(current.get("message"))) {
                        Conditions.setPod(
                                status, "PodScheduled", "False", "Unschedulable", message, cluster.timestamp());
                    }
                },
                Manager.SCHEDULER);
    }

    /** Whether the default scheduler is the pod's. */
    private static boolean ours(Map<String, Object> pod) {
        String scheduler = Tree.string(pod, "spec", "schedulerName");
        return scheduler == null || scheduler.isEmpty() || scheduler.equals("default-scheduler");
    }

    private static Object ownerUid(Map<String, Object> pod) {
        Map<String, Object> ref = Owners.controllerOf(pod);
        return ref == null ? null : ref.get("uid");
    }

    private record Candidate(String node, long siblings, int pods) {}
}
