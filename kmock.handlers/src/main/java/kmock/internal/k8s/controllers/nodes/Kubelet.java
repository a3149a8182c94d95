package kmock.internal.k8s.controllers.nodes;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import kmock.handlers.Controllers.Transition;
import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The kubelets of the simulated nodes: they register their Nodes, run the pods bound to them (Pending, then
 * Running with addresses and container statuses, then Ready), let run-to-completion pods exit as their
 * {@link PodScript} says ({@code Succeeded}, {@code Failed}, or a crash loop with back-off), and honour graceful
 * deletion: containers stopped once the pod's {@link Transition#TERMINATE} delay passed, then the final delete with
 * no grace period. Each step is one status write under the {@code kubelet} field manager, at the emulator's clock.
 */
public final class Kubelet extends Controller {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final NodeRegistry nodes;

    /** The kubelets of a cluster's nodes. */
    public Kubelet(ClusterClient cluster) {
        super("kubelet", Kinds.PODS, cluster);
        this.nodes = new NodeRegistry(cluster);
    }

    @Override
    public void start() {
        nodes.registerConfigured();
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        if (event.key().resource().equals(Kinds.NODES) && event.type() == StoreEvent.Type.ADDED) {
            keys.add(event.key());
        } else if (event.key().resource().equals(Kinds.PODS)
                && event.type() != StoreEvent.Type.DELETED
                && Pods.node(event.object()) != null) {
            keys.add(event.key());
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        if (key.resource().equals(Kinds.NODES)) {
            nodes.complete(key);
            return;
        }
        Map<String, Object> pod = cluster.get(key);
        if (pod == null || !nodes.runs(Pods.node(pod))) {
            return;
        }
        if (Tree.deleting(pod)) {
            terminate(key, pod);
        } else if (!Pods.terminal(pod)) {
            run(key, pod, PodScript.of(pod, cluster.settings()));
        }
    }

    private void run(ObjectKey key, Map<String, Object> pod, PodScript script) {
        Instant now = cluster.now();
        String node = Pods.node(pod);
        if (!"Running".equals(Pods.phase(pod))) {
            if (script.waiting() != null) {
                cluster.updateStatus(
                        key,
                        edited -> PodStatuses.waiting(
                                edited,
                                nodes.hostIp(node),
                                script.waiting(),
                                "Back-off pulling image",
                                cluster.timestamp()),
                        Manager.KUBELET);
                return;
            }
            Instant startAt = scheduledAt(pod).plus(delay(Transition.START));
            if (now.isBefore(startAt)) {
                if (!PodStatuses.created(pod)) {
                    cluster.updateStatus(
                            key,
                            edited -> PodStatuses.waiting(
                                    edited, nodes.hostIp(node), "ContainerCreating", null, cluster.timestamp()),
                            Manager.KUBELET);
                }
                cluster.later(this, key, startAt);
                return;
            }
            boolean ready = script.ready() && delay(Transition.READY).isZero();
            String podIp = hostNetwork(pod) ? nodes.hostIp(node) : nodes.nextPodIp(node);
            cluster.updateStatus(
                    key,
                    edited -> PodStatuses.running(edited, nodes.hostIp(node), podIp, ready, cluster.timestamp()),
                    Manager.KUBELET);
            schedule(key, now, script, ready);
            return;
        }
        Instant crashed = Tree.time(PodStatuses.crashedAt(pod));
        if (crashed != null) {
            Instant restartAt = crashed.plus(backoff(Pods.restarts(pod)));
            if (now.isBefore(restartAt)) {
                cluster.later(this, key, restartAt);
            } else {
                boolean ready = script.ready() && delay(Transition.READY).isZero();
                cluster.updateStatus(
                        key, edited -> PodStatuses.restarted(edited, ready, cluster.timestamp()), Manager.KUBELET);
                schedule(key, now, script, ready);
            }
            return;
        }
        Instant started = Tree.time(PodStatuses.startedAt(pod));
        if (started == null) {
            return;
        }
        if (script.exitAfter() != null && !now.isBefore(started.plus(script.exitAfter()))) {
            boolean terminal =
                    switch (Pods.restartPolicy(pod)) {
                        case "Never" -> true;
                        case "OnFailure" -> script.exitCode() == 0;
                        default -> false;
                    };
            Duration backoff = backoff(Pods.restarts(pod) + 1);
            cluster.updateStatus(
                    key,
                    edited -> PodStatuses.exited(edited, script.exitCode(), terminal, backoff, cluster.timestamp()),
                    Manager.KUBELET);
            return;
        }
        if (script.ready() && !Pods.ready(pod) && !now.isBefore(started.plus(delay(Transition.READY)))) {
            cluster.updateStatus(key, edited -> PodStatuses.ready(edited, cluster.timestamp()), Manager.KUBELET);
        }
        schedule(key, started, script, Pods.ready(pod));
    }

    /** Timers for what comes due after the containers started: readiness, and their exit. */
    private void schedule(ObjectKey key, Instant started, PodScript script, boolean ready) {
        if (script.ready() && !ready) {
            cluster.later(this, key, started.plus(delay(Transition.READY)));
        }
        if (script.exitAfter() != null) {
            cluster.later(this, key, started.plus(script.exitAfter()));
        }
    }

    /** A graceful delete: once its delay passed, the containers stop, then the pod goes with no grace period. */
    private void terminate(ObjectKey key, Map<String, Object> pod) {
        Instant deletion = Tree.time(Tree.meta(pod).get("deletionTimestamp"));
        long grace = Tree.number(Tree.meta(pod), 0, "deletionGracePeriodSeconds");
        Instant due =
                (deletion == null ? cluster.now() : deletion.minusSeconds(grace)).plus(delay(Transition.TERMINATE));
        if (cluster.now().isBefore(due)) {
            cluster.later(this, key, due);
            return;
        }
        if (!Pods.terminal(pod) && PodStatuses.created(pod)) {
            cluster.updateStatus(key, edited -> PodStatuses.stopped(edited, cluster.timestamp()), Manager.KUBELET);
        }
        cluster.delete(key, Tree.uid(pod), null, 0L, Manager.KUBELET);
    }

    private Instant scheduledAt(Map<String, Object> pod) {
        for (Object item : Tree.list(Tree.at(pod, "status", "conditions"))) {
            Map<String, Object> condition = Tree.map(item);
            if ("PodScheduled".equals(condition.get("type"))
                    && Tree.time(condition.get("lastTransitionTime")) != null) {
                return Tree.time(condition.get("lastTransitionTime"));
            }
        }
        Instant created = Tree.time(Tree.meta(pod).get("creationTimestamp"));
        return created == null ? cluster.now() : created;
    }

    /** The back-off before the n-th restart: the first back-off, doubled per earlier restart, at most five minutes. */
    private Duration backoff(long restarts) {
        Duration wait = cluster.settings().backoff();
        for (long i = 1; i < restarts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private Duration delay(Transition transition) {
        return cluster.settings().delay(transition);
    }

    private static boolean hostNetwork(Map<String, Object> pod) {
        return Tree.isTrue(pod, "spec", "hostNetwork");
    }
}
