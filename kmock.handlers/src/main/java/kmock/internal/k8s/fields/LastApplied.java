package kmock.internal.k8s.fields;

import java.util.Map;
import java.util.function.Function;

import kmock.internal.json.Json;
import kmock.internal.k8s.store.JsonTree;

/**
 * kubectl's move from client-side to server-side apply, as the API server eases it for the manager {@code kubectl}:
 * the fields of the {@code last-applied-configuration} annotation that the object still has are kubectl's to take
 * without conflicts, and the annotation follows each server-side apply, so a later client-side apply still works.
 */
final class LastApplied {

    static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private LastApplied() {}

    /**
     * The fields of the annotation whose values the object still has, or {@code null} when there is no usable
     * annotation (none, not JSON, another apiVersion, or not fitting the schema).
     */
    static FieldSet allowedConflicts(
            TypeNode root, Function<Map<String, ?>, Object> view, String apiVersion, Map<String, Object> live) {
        Map<String, Object> annotations = annotations(live);
        if (annotations == null || !(annotations.get(ANNOTATION) instanceof String text) || text.isEmpty()) {
            return null;
        }
        try {
            if (!(Json.parse(text) instanceof Map<?, ?> lastApplied)
                    || !apiVersion.equals(lastApplied.get("apiVersion"))) {
                return null;
            }
            TypedCheck.check(lastApplied, root);
            Comparison changed = Comparison.of(lastApplied, view.apply(live), root);
            return FieldSets.of(lastApplied, root)
                    .difference(changed.modified())
                    .difference(changed.added())
                    .difference(changed.removed());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Sets an existing annotation to the applied configuration (without the annotation), as client-side apply writes it. */
    static void keepInStep(Map<String, Object> result, Map<String, ?> applied) {
        Map<String, Object> annotations = annotations(result);
        if (annotations == null || annotations.get(ANNOTATION) == null || "".equals(annotations.get(ANNOTATION))) {
            return;
        }
        Map<String, Object> copy = JsonTree.copyMap(applied);
        Map<String, Object> own = annotations(copy);
        if (own != null) {
            own.remove(ANNOTATION);
        }
        annotations.put(ANNOTATION, JsonValues.json(copy) + "\n");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, ?> object) {
        return object.get("metadata") instanceof Map<?, ?> meta && meta.get("annotations") instanceof Map<?, ?> a
                ? (Map<String, Object>) a
                : null;
    }
}
