package kmock.internal.k8s.emulator;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import kmock.api.Request;
import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.k8s.fields.FieldManager;
import kmock.internal.k8s.patch.Patches;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.KindSchemas;
import kmock.internal.k8s.store.KubernetesException;
import kmock.internal.k8s.store.KubernetesException.Reason;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.StatusSubresource;

/**
 * Where the emulator's writes meet the {@link FieldManager}: the field manager, endpoint and time of a request,
 * the schemas of the kinds (custom resources' from their stored CRDs), and the request checks of apply. With
 * {@code managedMetadata(false)} it stands aside: no managedFields, and apply patches merge as before.
 */
final class ManagedWrites {

    private static final Resource CRDS = new Resource("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    private final ObjectStore store;
    private final Supplier<Map<Resource, ResourceInfo>> known;
    private final KindSchemas schemas = new KindSchemas();

    ManagedWrites(ObjectStore store, Supplier<Map<Resource, ResourceInfo>> known) {
        this.store = store;
        this.known = known;
    }

    /** Whether writes keep managedFields (managed metadata is on). */
    boolean enabled() {
        return store.settings().managedMetadata();
    }

    /** A create's body with the creating manager's Update entry. */
    Map<String, Object> created(Request request, Resource resource, Map<String, Object> body) {
        return enabled() ? FieldManager.update(write(request, resource, null, null), null, body) : body;
    }

    /** A change of a live object that also records its manager's Update entry. */
    UnaryOperator<Map<String, Object>> updated(Request request, Resource resource, String subresource,
                                               UnaryOperator<Map<String, Object>> change) {
        if (!enabled()) {
            return change;
        }
        FieldManager.Write write = write(request, resource, subresource, null);
        return current -> FieldManager.update(write, current, change.apply(current));
    }

    /**
     * Server-side apply of a request's body to {@code current} ({@code null}: create).
     *
     * @throws KubernetesException 400 for a body that is not an object, or a create whose name is not the URL's
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> applied(Request request, Resource resource, String name, String subresource,
                                Map<String, Object> current) {
        if (!(Patches.yaml(request.body()) instanceof Map<?, ?> config)) {
            throw new KubernetesException(Reason.BAD_REQUEST, "error decoding YAML: the apply patch must be an object");
        }
        if (current == null) {
            Object bodyName = config.get("metadata") instanceof Map<?, ?> meta ? meta.get("name") : null;
            if (!name.equals(bodyName)) {
                throw new KubernetesException(Reason.BAD_REQUEST, "the name of the object (" + (bodyName == null ? "" : bodyName)
                        + ") does not match the name on the URL (" + name + ")");
            }
        }
        String kind = config.get("kind") instanceof String k ? k : null;
        return FieldManager.apply(write(request, resource, subresource, kind), current, (Map<String, Object>) config,
                isTrue(request.params().get("force")));
    }

    /** Server-side apply to {@code /status}: only the status changes, and the applier's managedFields with it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> appliedToStatus(Request request, Resource resource, String name, Map<String, Object> current) {
        Map<String, Object> applied = applied(request, resource, name, "status", current);
        Map<String, Object> result = StatusSubresource.onlyStatus(current, applied);
        Object managedFields = ((Map<String, Object>) applied.get("metadata")).get("managedFields");
        Map<String, Object> meta = (Map<String, Object>) result.get("metadata");
        if (managedFields == null) {
            meta.remove("managedFields");
        } else {
            meta.put("managedFields", managedFields);
        }
        return result;
    }

    /**
     * The PatchOptions checks: apply needs a {@code fieldManager}, {@code force} is only for apply (422 otherwise,
     * as the API server answers).
     */
    void checkPatch(Request request) {
        if (!enabled()) {
            return;
        }
        boolean apply = Patches.isApply(request.header("Content-Type"));
        String manager = request.params().get("fieldManager");
        if (apply && (manager == null || manager.isEmpty())) {
            throw invalidPatchOptions("fieldManager", "FieldValueRequired", "Required value", "is required for apply patch");
        }
        if (!apply && request.params().containsKey("force")) {
            throw invalidPatchOptions("force", "FieldValueForbidden", "Forbidden", "may not be specified for non-apply patch");
        }
        if (manager != null && manager.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 128) {
            throw invalidPatchOptions("fieldManager", "FieldValueTooLong", "Too long", "may not be more than 128 bytes");
        }
    }

    private static KubernetesException invalidPatchOptions(String field, String reason, String type, String detail) {
        String body = type + ": " + detail;
        return new KubernetesException(Reason.INVALID, "PatchOptions.meta.k8s.io \"\" is invalid: " + field + ": " + body,
                null, "meta.k8s.io", "PatchOptions", List.of(new KubernetesException.Cause(reason, body, field)));
    }

    /** Keeps the kinds' schemas in step with the stored CustomResourceDefinitions. */
    void stored(Resource resource, Map<String, Object> object, boolean deleted) {
        if (!resource.equals(CRDS)) {
            return;
        }
        if (deleted) {
            schemas.unregister(object);
        } else {
            schemas.register(object);
        }
    }

    /** The write of a request; {@code bodyKind} names the kind of a resource that nobody declared (else {@code null}). */
    private FieldManager.Write write(Request request, Resource resource, String subresource, String bodyKind) {
        ResourceInfo info = known.get().getOrDefault(resource, new ResourceInfo());
        String kind = info.kind() == null && bodyKind != null ? bodyKind : info.kindFor(resource.plural());
        GroupVersionKind gvk = new GroupVersionKind(resource.group(), resource.version(), kind);
        return new FieldManager.Write(schemas.get(gvk), schemas.isCustom(gvk), gvk,
                FieldManager.manager(request.params().get("fieldManager"), request.header("User-Agent")), subresource,
                info.subresources().contains("status"), store.settings().clock().instant());
    }

    private static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }
}
