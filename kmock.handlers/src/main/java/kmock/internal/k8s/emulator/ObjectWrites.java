package kmock.internal.k8s.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.k8s.patch.Patches;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.KindSchemas;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.TypedDecoder;
import kmock.internal.k8s.store.KubernetesException;
import kmock.internal.k8s.store.KubernetesException.Reason;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.strategy.Defaults;
import kmock.internal.k8s.strategy.KindStrategy;
import kmock.internal.k8s.strategy.Validation;
import kmock.internal.k8s.strategy.WriteRequest;
import kmock.internal.k8s.strategy.WriteRequest.FieldValidation;

/**
 * The API server's write path: every create, replace and patch goes through the same steps before it reaches the
 * {@link ObjectStore} — decoding by the kind's schema (unknown fields dropped or refused, Go's zero values),
 * defaults, the kind's strategy (status, generation), validation, and managed fields — then the store adds the
 * managed metadata and commits, or, for a dry run, only answers. Kinds without a schema, and an emulator without
 * managed metadata, store what they are given.
 */
public final class ObjectWrites {

    private final ObjectStore store;
    private final KindSchemas schemas;
    private final Function<Resource, ResourceInfo> catalog;
    private final boolean semantics;
    private final FieldOwnership ownership;

    /**
     * The write path of an emulator.
     *
     * @param catalog   the resource's description (kind, subresources), or {@code null} when unknown
     * @param semantics whether writes get the API server's semantics ({@code managedMetadata}); without them
     *                  objects are stored as given
     */
    public ObjectWrites(ObjectStore store, KindSchemas schemas, Function<Resource, ResourceInfo> catalog, boolean semantics) {
        this.store = store;
        this.schemas = schemas;
        this.catalog = catalog;
        this.semantics = semantics;
        this.ownership = new FieldOwnership(store);
    }

    /**
     * The outcome of a write.
     *
     * @param object   the object as stored (or, for a dry run, as it would have been)
     * @param warnings the texts of the {@code Warning} headers to answer with
     */
    public record Written(Map<String, Object> object, List<String> warnings) {
    }

    /** A create (POST) of a body in a namespace ({@code null}: cluster-wide). */
    public Written create(Resource resource, String namespace, Map<String, Object> body, WriteRequest request) {
        List<String> warnings = new ArrayList<>();
        KindStrategy strategy = strategy(resource, body);
        Map<String, Object> admitted = admit(strategy, null, body, request, warnings, false);
        return new Written(store.create(resource, namespace, admitted, request.options()), warnings);
    }

    /** A replace (PUT) of the main resource or of its {@code status}. */
    public Written replace(ObjectKey key, Map<String, Object> body, WriteRequest request) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> stored = store.update(key, current -> admit(strategy(key.resource(), current), current, body,
                request, warnings, false), request.options());
        return new Written(stored, warnings);
    }

    /**
     * A patch of the main resource or of its {@code status}; an apply patch of a missing object creates it.
     *
     * @param contentType the patch type
     */
    public Written patch(ObjectKey key, String contentType, byte[] patch, WriteRequest request) {
        List<String> warnings = new ArrayList<>();
        Patches.checkType(contentType, schemas, patchKind(strategy(key.resource(), null)));
        boolean apply = Patches.isApply(contentType) && semantics;
        if (Patches.isApply(contentType) && request.subresource() == null && store.find(key) == null) {
            Map<String, Object> fresh;
            KindStrategy strategy;
            if (apply) {
                Object kind = Patches.yaml(patch) instanceof Map<?, ?> config ? config.get("kind") : null;
                strategy = strategy(key.resource(), kind instanceof String name ? Map.of("kind", name) : null);
                fresh = ownership.applied(strategy, request, key.name(), null, patch);
            } else {
                fresh = Patches.apply(contentType, new LinkedHashMap<>(Map.of("metadata",
                        new LinkedHashMap<>(Map.of("name", key.name())))), patch, schemas, null);
                strategy = strategy(key.resource(), fresh);
            }
            Map<String, Object> admitted = admit(strategy, null, fresh, request, warnings, apply);
            return new Written(store.create(key.resource(), key.namespace(), admitted, request.options()), warnings);
        }
        Map<String, Object> stored = store.update(key, current -> {
            KindStrategy strategy = strategy(key.resource(), current);
            Map<String, Object> patched = apply ? ownership.applied(strategy, request, key.name(), current, patch)
                    : Patches.apply(contentType, current, patch, schemas, patchKind(strategy));
            try {
                return admit(strategy, current, patched, request, warnings, apply);
            } catch (KubernetesException e) {
                throw patchedObjectInvalid(e, strategy, patched);
            }
        }, request.options());
        return new Written(stored, warnings);
    }

    /** The API server's checks of a patch's options (apply needs a field manager, force is for apply only): 422. */
    public void checkPatchOptions(kmock.api.Request request) {
        if (semantics) {
            FieldOwnership.checkPatchOptions(request);
        }
    }

    /**
     * A patched object that does not decode is the API server's 422 about the patch, with the patched JSON as the
     * invalid value and the decoder's words as the detail; other failures stay as they are.
     */
    private static KubernetesException patchedObjectInvalid(KubernetesException e, KindStrategy strategy, Map<String, Object> patched) {
        String prefix = strategy.gvk().kind() + " in version \"" + strategy.gvk().version() + "\" cannot be handled as a "
                + strategy.gvk().kind() + ": ";
        if (e.reason() != Reason.BAD_REQUEST || e.getMessage() == null || !e.getMessage().startsWith(prefix)) {
            return e;
        }
        String json = new String(kmock.internal.json.Json.write(patched), java.nio.charset.StandardCharsets.UTF_8);
        return Validation.invalidPatch(json, e.getMessage().substring(prefix.length()));
    }

    /** The kind whose schema a strategic merge patch follows; none for plain storage, which merges it as a merge patch. */
    private GroupVersionKind patchKind(KindStrategy strategy) {
        return semantics ? strategy.gvk() : null;
    }

    /** A change that the emulator itself makes (scale), through the same steps as a client's. */
    public Written change(ObjectKey key, java.util.function.UnaryOperator<Map<String, Object>> change, WriteRequest request) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> stored = store.update(key, current -> admit(strategy(key.resource(), current), current,
                change.apply(current), request, warnings, false), request.options());
        return new Written(stored, warnings);
    }

    /**
     * A write of the API server's own subresources, which have their own small strategies rather than the kind's
     * update strategy: a pod's {@code binding} (only {@code spec.nodeName} and the scheduling condition change) and a
     * namespace's {@code finalize} (only {@code spec.finalizers} change, under the writer's field manager). The change
     * runs under the store's lock, on a copy of the stored object.
     */
    public Written subresource(ObjectKey key, java.util.function.UnaryOperator<Map<String, Object>> change, WriteRequest request) {
        // The binding storage writes the pod directly, so no manager owns the binding; finalize is an update of its own.
        boolean owned = semantics && !"binding".equals(request.subresource());
        Map<String, Object> stored = store.update(key, current -> {
            Map<String, Object> result = change.apply(kmock.internal.k8s.store.JsonTree.copyMap(current));
            return owned ? ownership.updated(strategy(key.resource(), current), request, current, result) : result;
        }, request.options());
        return new Written(stored, List.of());
    }

    /**
     * The steps between decoding and storing; runs under the store's lock for updates, so it sees the current
     * state and no concurrent write.
     *
     * @param current the stored object, or {@code null} for a create
     * @param applied whether the object is a server-side apply's merge (which has set its managedFields)
     */
    private Map<String, Object> admit(KindStrategy strategy, Map<String, Object> current, Map<String, Object> object,
                                      WriteRequest request, List<String> warnings, boolean applied) {
        boolean statusWrite = "status".equals(request.subresource());
        if (!semantics || strategy.schema() == null) {
            Map<String, Object> result = current == null ? object
                    : statusWrite ? strategy.prepareForStatusUpdate(current, object) : strategy.prepareForUpdate(current, object);
            return semantics ? managedFields(strategy, current, object, result, request, applied) : result;
        }
        ObjectSchema schema = strategy.schema();
        TypedDecoder.Decoded decoded = TypedDecoder.decode(schema, object, !strategy.custom(), strategy.gvk());
        unknownFields(strategy.gvk(), decoded.unknownFields(), request, warnings);
        Map<String, Object> result = decoded.object();
        Defaults.apply(strategy, result, current);
        if (current == null) {
            result = strategy.prepareForCreate(result);
        } else if (statusWrite) {
            result = strategy.prepareForStatusUpdate(current, result);
        } else {
            result = strategy.prepareForUpdate(current, result);
        }
        Validation.validate(strategy, result, current, statusWrite);
        return managedFields(strategy, current, object, result, request, applied);
    }

    /**
     * Managed fields (server-side apply's field ownership), recorded last, on what will be stored: an update's
     * manager gets its Update entry; an apply's merge brought its managedFields, which a status write's
     * preparation (the stored object with the new status) must not lose.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> managedFields(KindStrategy strategy, Map<String, Object> current, Map<String, Object> object,
                                              Map<String, Object> result, WriteRequest request, boolean applied) {
        if (!applied) {
            return ownership.updated(strategy, request, current, result);
        }
        Object entries = object.get("metadata") instanceof Map<?, ?> meta ? meta.get("managedFields") : null;
        if (result.get("metadata") instanceof Map<?, ?> meta) {
            if (entries == null) {
                ((Map<String, Object>) meta).remove("managedFields");
            } else {
                ((Map<String, Object>) meta).put("managedFields", entries);
            }
        }
        return result;
    }

    private static void unknownFields(GroupVersionKind gvk, List<String> unknown, WriteRequest request, List<String> warnings) {
        if (unknown.isEmpty() || request.validation() == FieldValidation.IGNORE) {
            return;
        }
        if (request.validation() == FieldValidation.STRICT) {
            List<String> parts = new ArrayList<>();
            unknown.forEach(path -> parts.add("unknown field \"" + path + "\""));
            throw new KubernetesException(Reason.BAD_REQUEST, gvk.kind() + " in version \"" + gvk.version()
                    + "\" cannot be handled as a " + gvk.kind() + ": strict decoding error: " + String.join(", ", parts));
        }
        unknown.forEach(path -> warnings.add("unknown field \"" + path + "\""));
    }

    /** The strategy of a resource's kind: the catalog's kind, else the object's own. */
    private KindStrategy strategy(Resource resource, Map<String, ?> object) {
        ResourceInfo info = catalog.apply(resource);
        String kind = info != null && info.kind() != null ? info.kind()
                : object != null && object.get("kind") instanceof String k ? k : null;
        boolean statusSubresource = info != null && info.subresources().contains("status");
        if (kind == null) {
            return new KindStrategy(new GroupVersionKind(resource.group(), resource.version(), ""), null, false, statusSubresource);
        }
        GroupVersionKind gvk = new GroupVersionKind(resource.group(), resource.version(), kind);
        return new KindStrategy(gvk, schemas.get(gvk), schemas.isCustom(gvk), statusSubresource);
    }
}
