package kmock.internal.k8s.strategy;

import java.util.Map;

import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.status.KubernetesException;

/**
 * The API server's validation of an object about to be stored: metadata ({@link NameRules}), the schema
 * ({@link SchemaValidation}), the built-in kinds' own rules ({@link KindRules}) and, on updates, their immutable
 * fields ({@link ImmutableFields}). Every problem found is one cause of one {@code 422 Invalid}, as the API server
 * reports them all at once.
 */
public final class Validation {

    private Validation() {}

    /**
     * Validates a create ({@code current == null}) or an update of an object whose kind has a schema.
     *
     * @param statusWrite whether the write is to {@code /status}: then only what a status update checks is checked
     * @throws kmock.internal.k8s.status.KubernetesException 422 with one cause per problem
     */
    public static void validate(
            KindStrategy strategy, Map<String, Object> object, Map<String, Object> current, boolean statusWrite) {
        if (strategy.schema() == null) {
            return;
        }
        GroupVersionKind gvk = strategy.gvk();
        FieldErrors errors = new FieldErrors();
        NameRules.check(gvk.group(), gvk.kind(), object, errors);
        if (strategy.custom()) {
            SchemaValidation.check(strategy.schema(), object, true, errors);
        } else if (!statusWrite) {
            SchemaValidation.check(strategy.schema(), object, false, errors);
            KindRules.check(gvk.group(), gvk.kind(), object, errors);
            if (current != null) {
                ImmutableFields.check(gvk.group(), gvk.kind(), object, current, errors);
            }
        }
        Object name = object.get("metadata") instanceof Map<?, ?> meta ? meta.get("name") : null;
        errors.throwIfAny(gvk, name instanceof String text ? text : "");
    }

    /**
     * The API server's answer to a patch whose result does not decode: a 422 about the field {@code patch}, with the
     * patched object's JSON as the invalid value and the decoder's words as the detail.
     */
    public static KubernetesException invalidPatch(String patchedJson, String detail) {
        FieldErrors errors = new FieldErrors();
        errors.invalid("patch", patchedJson, detail);
        return errors.toException(new GroupVersionKind("", "", ""), "");
    }
}
