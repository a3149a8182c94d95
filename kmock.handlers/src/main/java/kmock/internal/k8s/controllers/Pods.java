package kmock.internal.k8s.controllers;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What the controllers read of a pod: its phase, readiness, availability, node and address. */
public final class Pods {

    private Pods() {}

    /** The pod's phase ({@code Pending} when it has none yet). */
    public static String phase(Map<String, ?> pod) {
        return Tree.stringOr(pod, "Pending", "status", "phase");
    }

    /** Whether the pod has finished: {@code Succeeded} or {@code Failed}. */
    public static boolean terminal(Map<String, ?> pod) {
        String phase = phase(pod);
        return phase.equals("Succeeded") || phase.equals("Failed");
    }

    /** Whether the pod counts for its controller: neither finished nor being deleted (client-go's {@code IsPodActive}). */
    public static boolean active(Map<String, ?> pod) {
        return !terminal(pod) && !Tree.deleting(pod);
    }

    /** Whether the pod's {@code Ready} condition is {@code True}. */
    public static boolean ready(Map<String, ?> pod) {
        return Conditions.isTrue(Tree.map(pod.get("status")), "Ready");
    }

    /** Since when the pod is ready, or {@code null}. */
    public static Instant readySince(Map<String, ?> pod) {
        Map<String, Object> ready = Conditions.find(Tree.map(pod.get("status")), "Ready");
        return ready == null || !"True".equals(ready.get("status")) ? null : Tree.time(ready.get("lastTransitionTime"));
    }

    /** Whether the pod has been ready for {@code minReadySeconds} at {@code now}. */
    public static boolean available(Map<String, ?> pod, long minReadySeconds, Instant now) {
        if (!ready(pod)) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        Instant since = readySince(pod);
        return since != null && !since.plus(Duration.ofSeconds(minReadySeconds)).isAfter(now);
    }

    /** When a ready pod becomes available, or {@code null} when it is not ready. */
    public static Instant availableAt(Map<String, ?> pod, long minReadySeconds) {
        Instant since = readySince(pod);
        return since == null ? null : since.plusSeconds(Math.max(0, minReadySeconds));
    }

    /** The node the pod is bound to, or {@code null}. */
    public static String node(Map<String, ?> pod) {
        String node = Tree.string(pod, "spec", "nodeName");
        return node == null || node.isEmpty() ? null : node;
    }

    /** The pod's IP, or {@code null}. */
    public static String ip(Map<String, ?> pod) {
        String ip = Tree.string(pod, "status", "podIP");
        return ip == null || ip.isEmpty() ? null : ip;
    }

    /** The sum of its containers' restart counts. */
    public static long restarts(Map<String, ?> pod) {
        long total = 0;
        for (Object status : Tree.list(Tree.at(pod, "status", "containerStatuses"))) {
            total += Tree.number(Tree.map(status), 0, "restartCount");
        }
        return total;
    }

    /** The pod's restart policy ({@code Always} when unset). */
    public static String restartPolicy(Map<String, ?> pod) {
        return Tree.stringOr(pod, "Always", "spec", "restartPolicy");
    }
}
