package kmock.internal.k8s.controllers.workloads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.LabelSelectors;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Templates;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.controllers.nodes.NodeFit;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The DaemonSet controller: one pod per node that the template's node selector and required node affinity choose
 * (tolerating the taints DaemonSet pods tolerate), pinned to its node by a node affinity that the scheduler honours;
 * a changed template rolls out node by node within {@code maxUnavailable} ({@code RollingUpdate}), or waits for pods
 * to be deleted ({@code OnDelete}); ControllerRevisions keep the history; the status counts desired, scheduled,
 * misscheduled, ready, updated and available pods.
 */
public final class DaemonSetController extends Controller {

    private static final String HASH = "controller-revision-hash";
    private static final List<String> TOLERATED = List.of(
            "node.kubernetes.io/not-ready",
            "node.kubernetes.io/unreachable",
            "node.kubernetes.io/disk-pressure",
            "node.kubernetes.io/memory-pressure",
            "node.kubernetes.io/pid-pressure",
            "node.kubernetes.io/unschedulable");

    private final ControllerRevisions history;

    /** The DaemonSet controller of a cluster. */
    public DaemonSetController(ClusterClient cluster) {
        super("daemonset", Kinds.DAEMON_SETS, cluster);
        this.history = new ControllerRevisions(cluster, "DaemonSet", HASH);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        if (event.key().resource().equals(Kinds.DAEMON_SETS)) {
            if (event.type() != StoreEvent.Type.DELETED) {
                keys.add(event.key());
            }
        } else if (event.key().resource().equals(Kinds.PODS)) {
            Workloads.addControllers(event, "apps/v1", keys, "DaemonSet");
        } else if (event.key().resource().equals(Kinds.NODES)) {
            keys.sweep(null);
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> set = cluster.get(key);
        if (set == null || LabelSelectors.isEmpty(Tree.at(set, "spec", "selector"))) {
            return;
        }
        List<Map<String, Object>> pods = Owners.claim(
                cluster,
                Kinds.PODS,
                set,
                cluster.list(Kinds.PODS, key.namespace(), Owners.claimable(set)),
                LabelSelectors.of(Tree.at(set, "spec", "selector")),
                Owners.controllerRef(set, "apps/v1", "DaemonSet"));
        List<Map<String, Object>> revisions = history.of(set);
        Map<String, Object> revision = history.current(set, revisions);
        if (revision == null) {
            return;
        }
        String hash = history.hash(revision);
        List<Map<String, Object>> nodes = cluster.list(Kinds.NODES, null);
        if (!Tree.deleting(set)) {
            manage(key, set, pods, nodes, hash);
        }
        status(key, set, nodes, hash);
        Set<String> live = new HashSet<>(List.of(Tree.name(revision)));
        history.truncate(set, history.of(set), live);
    }

    private void manage(
            ObjectKey key,
            Map<String, Object> set,
            List<Map<String, Object>> pods,
            List<Map<String, Object>> nodes,
            String hash) {
        long minReady = Tree.number(set, 0, "spec", "minReadySeconds");
        Instant now = cluster.now();
        List<Map<String, Object>> old = new ArrayList<>();
        long unavailable = 0;
        for (Map<String, Object> node : nodes) {
            String name = Tree.name(node);
            List<Map<String, Object>> there = new ArrayList<>(pods.stream()
                    .filter(pod -> name.equals(nodeOf(pod)) && !Tree.deleting(pod))
                    .toList());
            for (Map<String, Object> failed :
                    there.stream().filter(Pods::terminal).toList()) {
                delete(key, failed);
                there.remove(failed);
            }
            if (!shouldRun(set, node)) {
                there.forEach(pod -> delete(key, pod));
                continue;
            }
            if (there.isEmpty()) {
                if (pods.stream().noneMatch(pod -> name.equals(nodeOf(pod)))) {
                    create(key, set, name, hash);
                }
                unavailable++;
                continue;
            }
            there.sort(Comparator.comparing(
                    (Map<String, Object> pod) -> Tree.stringOr(Tree.meta(pod), "", "creationTimestamp")));
            there.subList(1, there.size()).forEach(pod -> delete(key, pod));
            Map<String, Object> pod = there.get(0);
            if (!Pods.available(pod, minReady, now)) {
                unavailable++;
                if (Pods.ready(pod)) {
                    cluster.later(this, key, Pods.availableAt(pod, minReady));
                }
            }
            if (!hash.equals(Tree.labels(pod).get(HASH))) {
                old.add(pod);
            }
        }
        if (old.isEmpty() || "OnDelete".equals(Tree.string(set, "spec", "updateStrategy", "type"))) {
            return;
        }
        long desired = nodes.stream().filter(node -> shouldRun(set, node)).count();
        long maxUnavailable = Math.max(
                1,
                RolloutMath.scaled(
                        Tree.at(set, "spec", "updateStrategy", "rollingUpdate", "maxUnavailable") == null
                                ? 1
                                : Tree.at(set, "spec", "updateStrategy", "rollingUpdate", "maxUnavailable"),
                        desired,
                        true));
        old.sort(Comparator.comparing(pod -> Pods.available(pod, minReady, now)));
        for (Map<String, Object> pod : old) {
            boolean podUnavailable = !Pods.available(pod, minReady, now);
            if (!podUnavailable && unavailable >= maxUnavailable) {
                break;
            }
            delete(key, pod);
            if (!podUnavailable) {
                unavailable++;
            }
        }
    }

    private void create(ObjectKey key, Map<String, Object> set, String node, String hash) {
        Map<String, Object> pod = Templates.pod(
                Tree.map(Tree.at(set, "spec", "template")),
                Owners.controllerRef(set, "apps/v1", "DaemonSet"),
                Templates.prefix(Tree.name(set)),
                null);
        Map<String, Object> labels = Tree.child(Tree.child(pod, "metadata"), "labels");
        labels.put(HASH, hash);
        labels.put("pod-template-generation", Long.toString(Tree.number(set, 1, "metadata", "generation")));
        Map<String, Object> spec = Tree.child(pod, "spec");
        Map<String, Object> required = Tree.child(
                Tree.child(Tree.child(spec, "affinity"), "nodeAffinity"),
                "requiredDuringSchedulingIgnoredDuringExecution");
        required.put(
                "nodeSelectorTerms",
                new ArrayList<>(List.of(Tree.object(
                        "matchFields",
                        new ArrayList<>(List.of(Tree.object(
                                "key",
                                "metadata.name",
                                "operator",
                                "In",
                                "values",
                                new ArrayList<>(List.of(node)))))))));
        List<Object> tolerations = Tree.childList(spec, "tolerations");
        for (String taint : TOLERATED) {
            boolean execute = taint.endsWith("not-ready") || taint.endsWith("unreachable");
            tolerations.add(
                    Tree.object("key", taint, "operator", "Exists", "effect", execute ? "NoExecute" : "NoSchedule"));
        }
        try {
            cluster.create(Kinds.PODS, key.namespace(), pod, Manager.CONTROLLER_MANAGER);
        } catch (KubernetesException e) {
            // an invalid template: nothing to run; the status shows the pods missing
        }
    }

    private void delete(ObjectKey key, Map<String, Object> pod) {
        cluster.delete(
                new ObjectKey(Kinds.PODS, key.namespace(), Tree.name(pod)),
                Tree.uid(pod),
                null,
                null,
                Manager.CONTROLLER_MANAGER);
    }

    private void status(ObjectKey key, Map<String, Object> set, List<Map<String, Object>> nodes, String hash) {
        List<Map<String, Object>> pods = cluster.list(
                Kinds.PODS,
                key.namespace(),
                pod -> Owners.controlledBy(pod, set) && !Tree.deleting(pod) && !Pods.terminal(pod));
        long minReady = Tree.number(set, 0, "spec", "minReadySeconds");
        Instant now = cluster.now();
        long desired = 0;
        long scheduled = 0;
        long misscheduled = 0;
        long ready = 0;
        long available = 0;
        long updated = 0;
        for (Map<String, Object> node : nodes) {
            boolean run = shouldRun(set, node);
            List<Map<String, Object>> there = pods.stream()
                    .filter(pod -> Tree.name(node).equals(Pods.node(pod)))
                    .toList();
            if (run) {
                desired++;
                if (!there.isEmpty()) {
                    scheduled++;
                    Map<String, Object> pod = there.get(0);
                    ready += Pods.ready(pod) ? 1 : 0;
                    available += Pods.available(pod, minReady, now) ? 1 : 0;
                    updated += hash.equals(Tree.labels(pod).get(HASH)) ? 1 : 0;
                }
            } else if (!there.isEmpty()) {
                misscheduled++;
            }
        }
        long[] counts = {desired, scheduled, misscheduled, ready, available, updated};
        cluster.updateStatus(
                key,
                edited -> {
                    Map<String, Object> status = Tree.child(edited, "status");
                    status.put("currentNumberScheduled", counts[1]);
                    status.put("numberMisscheduled", counts[2]);
                    status.put("desiredNumberScheduled", counts[0]);
                    status.put("numberReady", counts[3]);
                    status.put("observedGeneration", Tree.number(edited, 0, "metadata", "generation"));
                    status.put("updatedNumberScheduled", counts[5]);
                    status.put("numberAvailable", counts[4]);
                    status.put("numberUnavailable", counts[0] - counts[4]);
                },
                Manager.CONTROLLER_MANAGER);
    }

    /** Whether a node should run the DaemonSet's pod: it is there, chosen by the template, its taints tolerated. */
    private static boolean shouldRun(Map<String, Object> set, Map<String, Object> node) {
        if (Tree.deleting(node)) {
            return false;
        }
        Map<String, Object> spec = Tree.map(Tree.at(set, "spec", "template", "spec"));
        if (!NodeFit.selects(spec, node)) {
            return false;
        }
        for (Object item : Tree.list(Tree.at(node, "spec", "taints"))) {
            Map<String, Object> taint = Tree.map(item);
            String effect = String.valueOf(taint.get("effect"));
            if ((effect.equals("NoSchedule") || effect.equals("NoExecute"))
                    && !TOLERATED.contains(String.valueOf(taint.get("key")))
                    && !NodeFit.tolerates(spec, taint)) {
                return false;
            }
        }
        return true;
    }

    /** The node a pod runs on, or is pinned to by its node affinity before it is scheduled. */
    private static String nodeOf(Map<String, Object> pod) {
        String bound = Pods.node(pod);
        if (bound != null) {
            return bound;
        }
        for (Object term : Tree.list(Tree.at(
                pod,
                "spec",
                "affinity",
                "nodeAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution",
                "nodeSelectorTerms"))) {
            for (Object field : Tree.list(Tree.map(term).get("matchFields"))) {
                Map<String, Object> requirement = Tree.map(field);
                if ("metadata.name".equals(requirement.get("key"))
                        && Tree.list(requirement.get("values")).size() == 1) {
                    return String.valueOf(Tree.list(requirement.get("values")).get(0));
                }
            }
        }
        return null;
    }
}
