package kmock.internal.k8s.controllers.workloads;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;

/**
 * Which pods a ReplicaSet deletes first when it scales down (client-go's {@code ActivePods} order): unscheduled
 * before scheduled, pending before running, not ready before ready, ready for less time before longer, more restarts
 * before fewer, newer before older.
 */
final class PodRanking {

    private static final List<String> PHASES = List.of("Pending", "Unknown", "Running");

    /** The order of deletion: the first pod goes first. */
    static final Comparator<Map<String, Object>> DELETE_FIRST = Comparator.comparing(
                    (Map<String, Object> pod) -> Pods.node(pod) != null)
            .thenComparingInt(pod -> PHASES.indexOf(Pods.phase(pod)))
            .thenComparing(Pods::ready)
            .thenComparing(pod -> readySince(pod), Comparator.reverseOrder())
            .thenComparing(pod -> -Pods.restarts(pod))
            .thenComparing(pod -> created(pod), Comparator.reverseOrder())
            .thenComparing(pod -> Tree.name(pod));

    private PodRanking() {}

    private static Instant readySince(Map<String, Object> pod) {
        Instant since = Pods.readySince(pod);
        return since == null ? Instant.MAX : since;
    }

    private static Instant created(Map<String, Object> pod) {
        Instant created = Tree.time(Tree.meta(pod).get("creationTimestamp"));
        return created == null ? Instant.MIN : created;
    }
}
