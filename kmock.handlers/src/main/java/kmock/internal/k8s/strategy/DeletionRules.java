package kmock.internal.k8s.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.store.ObjectStore.DeletionRule;

/**
 * What a delete does to an object, as the API server's generic store and the kinds' strategies decide: the
 * garbage collector's finalizers for {@code Foreground} and {@code Orphan} propagation, graceful termination of
 * scheduled pods, namespaces that terminate while their finalizers run, and finalizers that keep an object.
 */
public final class DeletionRules {

    /** The finalizer of a Foreground deletion: the garbage collector deletes the dependents first. */
    public static final String FOREGROUND = "foregroundDeletion";
    /** The finalizer of an Orphan deletion: the garbage collector frees the dependents first. */
    public static final String ORPHAN = "orphan";

    private DeletionRules() {}

    /**
     * The rule of one delete.
     *
     * @param gvk       the object's kind; {@code null} when unknown
     * @param semantics whether the API server's rules apply (managed metadata on); without them only finalizers keep
     */
    public static DeletionRule of(String kind, boolean builtIn, DeleteRequest request, boolean semantics) {
        if (!semantics) {
            return object -> finalizers(object).isEmpty() ? null : object;
        }
        return object -> {
            boolean beingDeleted = metadata(object).get("deletionTimestamp") != null;
            if (builtIn && "Pod".equals(kind) && !beingDeleted) {
                graceful(object, request);
            }
            if (builtIn
                    && "Pod".equals(kind)
                    && beingDeleted
                    && request.gracePeriodSeconds() != null
                    && request.gracePeriodSeconds() == 0
                    && finalizers(object).isEmpty()) {
                return null; // the kubelet's final delete
            }
            if (builtIn
                    && "Pod".equals(kind)
                    && beingDeleted
                    && request.gracePeriodSeconds() != null
                    && request.gracePeriodSeconds() < graceSeconds(object)) {
                // A shorter grace period replaces the running one (the kubelet's final delete of a pod that finalizers
                // keep).
                metadata(object).put("deletionGracePeriodSeconds", Math.max(0, request.gracePeriodSeconds()));
            }
            if (builtIn && "Namespace".equals(kind) && !beingDeleted) {
                terminating(object);
            }
            if (!beingDeleted) {
                if (request.foreground()) {
                    addFinalizer(object, FOREGROUND);
                } else if (request.orphans()) {
                    addFinalizer(object, ORPHAN);
                }
            }
            boolean kept = !finalizers(object).isEmpty()
                    || graceSeconds(object) > 0
                    || namespaceFinalizers(kind, builtIn, object);
            return kept ? object : null;
        };
    }

    /** A scheduled, running pod gets its grace period; one never scheduled, or already finished, goes at once. */
    private static void graceful(Map<String, Object> pod, DeleteRequest request) {
        Map<?, ?> spec = pod.get("spec") instanceof Map<?, ?> s ? s : Map.of();
        Map<?, ?> status = pod.get("status") instanceof Map<?, ?> s ? s : Map.of();
        long grace = request.gracePeriodSeconds() != null
                ? request.gracePeriodSeconds()
                : spec.get("terminationGracePeriodSeconds") instanceof Number n ? n.longValue() : 30;
        boolean scheduled = spec.get("nodeName") instanceof String node && !node.isEmpty();
        boolean finished = "Succeeded".equals(status.get("phase")) || "Failed".equals(status.get("phase"));
        if (scheduled && !finished && grace > 0) {
            metadata(pod).put("deletionGracePeriodSeconds", grace);
        }
    }

    /** A namespace being deleted is Terminating until its content is gone and its finalizers have run. */
    @SuppressWarnings("unchecked")
    private static void terminating(Map<String, Object> namespace) {
        Map<String, Object> status = namespace.get("status") instanceof Map<?, ?> s
                ? new LinkedHashMap<>((Map<String, Object>) s)
                : new LinkedHashMap<>();
        status.put("phase", "Terminating");
        namespace.put("status", status);
    }

    private static boolean namespaceFinalizers(String kind, boolean builtIn, Map<String, Object> object) {
        return builtIn
                && "Namespace".equals(kind)
                && object.get("spec") instanceof Map<?, ?> spec
                && spec.get("finalizers") instanceof List<?> list
                && !list.isEmpty();
    }

    private static long graceSeconds(Map<String, Object> object) {
        return metadata(object).get("deletionGracePeriodSeconds") instanceof Number n ? n.longValue() : 0;
    }

    private static void addFinalizer(Map<String, Object> object, String finalizer) {
        List<Object> finalizers = new ArrayList<>(finalizers(object));
        if (!finalizers.contains(finalizer)) {
            finalizers.add(finalizer);
        }
        metadata(object).put("finalizers", finalizers);
    }

    private static List<?> finalizers(Map<String, Object> object) {
        return metadata(object).get("finalizers") instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        Object meta = object.get("metadata");
        if (meta instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        object.put("metadata", created);
        return created;
    }
}
