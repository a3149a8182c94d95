package kmock.internal.k8s.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import kmock.api.Request;
import kmock.internal.k8s.fields.FieldManager;
import kmock.internal.k8s.patch.Patches;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.strategy.KindStrategy;
import kmock.internal.k8s.strategy.WriteRequest;

/**
 * The managed-fields step of the write path: who writes (the {@code fieldManager} parameter, else the user agent),
 * through which endpoint and when, handed to the {@link FieldManager} for an update's entry or an apply's merge;
 * and the request checks of apply.
 */
final class FieldOwnership {

    private final ObjectStore store;

    FieldOwnership(ObjectStore store) {
        this.store = store;
    }

    /** An update (create when {@code current} is {@code null}) with its manager's Update entry recorded. */
    Map<String, Object> updated(
            KindStrategy strategy, WriteRequest request, Map<String, Object> current, Map<String, Object> result) {
        // The write path has decoded the result by the kind's schema, when it has one.
        return FieldManager.update(write(strategy, request, strategy.schema() != null), current, result);
    }

    /**
     * Server-side apply of a patch body to {@code current} ({@code null}: the object does not exist yet): the merged
     * object, with its managedFields, to go through the rest of the write path.
     *
     * @throws KubernetesException 400 for a body that is not an object or a create whose name is not the URL's,
     *                             409 on conflicts, and what {@link FieldManager#apply} refuses
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> applied(
            KindStrategy strategy, WriteRequest request, String name, Map<String, Object> current, byte[] body) {
        if (!(Patches.yaml(body) instanceof Map<?, ?> config)) {
            throw new KubernetesException(
                    Reason.BAD_REQUEST, "error decoding YAML: an apply configuration must be an object");
        }
        if (current == null) {
            Object given = config.get("metadata") instanceof Map<?, ?> meta ? meta.get("name") : null;
            if (!name.equals(given)) {
                throw new KubernetesException(
                        Reason.BAD_REQUEST,
                        "the name of the object (" + (given == null ? "" : given)
                                + ") does not match the name on the URL (" + name + ")");
            }
        }
        return FieldManager.apply(
                write(strategy, request, false), current, (Map<String, Object>) config, request.force());
    }

    /**
     * The API server's PatchOptions checks: apply needs a {@code fieldManager}, {@code force} is for apply only, and a
     * manager name has at most 128 bytes (422 each).
     */
    static void checkPatchOptions(Request request) {
        boolean apply = Patches.isApply(request.header("Content-Type"));
        String manager = request.params().get("fieldManager");
        if (apply && (manager == null || manager.isEmpty())) {
            throw invalid("fieldManager", "FieldValueRequired", "Required value: is required for apply patch");
        }
        if (!apply && request.params().containsKey("force")) {
            throw invalid("force", "FieldValueForbidden", "Forbidden: may not be specified for non-apply patch");
        }
        if (manager != null && manager.getBytes(StandardCharsets.UTF_8).length > 128) {
            throw invalid("fieldManager", "FieldValueTooLong", "Too long: may not be more than 128 bytes");
        }
    }

    private static KubernetesException invalid(String field, String reason, String message) {
        return new KubernetesException(
                Reason.INVALID,
                "PatchOptions.meta.k8s.io \"\" is invalid: " + field + ": " + message,
                null,
                "meta.k8s.io",
                "PatchOptions",
                List.of(new KubernetesException.Cause(reason, message, field)));
    }

    private FieldManager.Write write(KindStrategy strategy, WriteRequest request, boolean decoded) {
        return new FieldManager.Write(
                strategy.schema(),
                strategy.custom(),
                strategy.gvk(),
                FieldManager.manager(request.fieldManager(), request.userAgent()),
                request.subresource(),
                strategy.statusSubresource(),
                store.settings().clock().instant(),
                decoded);
    }
}
