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
import kmock.internal.k8s.schema.TypedDecoder;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.store.GenerationRule;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.WriteOptions;
import kmock.internal.k8s.strategy.Defaults;
import kmock.internal.k8s.strategy.KindStrategies;
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
    private final KindStrategies strategies;
    private final boolean semantics;
    private final FieldOwnership ownership;

    /**
     * The write path of an emulator.
     *
     * @param catalog   the resource's description (kind, subresources), or {@code null} when unknown
     * @param semantics whether writes get the API server's semantics ({@code managedMetadata}); without them
     *                  objects are stored as given
     */
    public ObjectWrites(
            ObjectStore store, KindSchemas schemas, Function<Resource, ResourceInfo> catalog, boolean semantics) {
        this.store = store;
        this.schemas = schemas;
        this.strategies = new KindStrategies(store, schemas, catalog);
        this.semantics = semantics;
        this.ownership = new FieldOwnership(store);
    }

    /** How a resource's objects count {@code metadata.generation}, for the store's managed metadata. */
    public GenerationRule generations(Resource resource) {
        return semantics ? strategies.generations(resource) : GenerationRule.UNDECLARED;
    }

    /**
     * The outcome of a write.
     *
     * @param object   the object as stored (or, for a dry run, as it would have been)
     * @param warnings the texts of the {@code Warning} headers to answer with
     */
    public record Written(Map<String, Object> object, List<String> warnings) {}

    /** A create (POST) of a body in a namespace ({@code null}: cluster-wide). */
    public Written create(Resource resource, String namespace, Map<String, Object> body, WriteRequest request) {
        List<String> warnings = new ArrayList<>();
        KindStrategy strategy = strategies.of(resource, body);
        Map<String, Object> decoded = decode(strategy, body, request, warnings);
        return new Written(
                store.create(
                        resource,
                        namespace,
                        decoded,
                        request.options(),
                        named -> prepareCreate(strategy, body, named, request, false)),
                warnings);
    }

    /** A replace (PUT) of the main resource or of its {@code status}. */
    public Written replace(ObjectKey key, Map<String, Object> body, WriteRequest request) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> stored = store.update(
                key,
                current -> admit(strategies.of(key.resource(), current), current, body, request, warnings, false),
                request.options());
        return new Written(stored, warnings);
    }

    /**
     * A patch of the main resource or of its {@code status}; an apply patch of a missing object creates it.
     *
     * @param contentType the patch type
     */
    public Written patch(ObjectKey key, String contentType, byte[] patch, WriteRequest request) {
        List<String> warnings = new ArrayList<>();
        Patches.checkType(contentType, schemas, patchKind(strategies.of(key.resource(), null)));
        boolean apply = Patches.isApply(contentType) && semantics;
        if (Patches.isApply(contentType) && request.subresource() == null && store.find(key) == null) {
            Map<String, Object> fresh;
            KindStrategy strategy;
            if (apply) {
                Object kind = Patches.yaml(patch) instanceof Map<?, ?> config ? config.get("kind") : null;
                strategy = strategies.of(key.resource(), kind instanceof String name ? Map.of("kind", name) : null);
                fresh = ownership.applied(strategy, request, key.name(), null, patch);
            } else {
                fresh = Patches.apply(
                        contentType,
                        new LinkedHashMap<>(Map.of("metadata", new LinkedHashMap<>(Map.of("name", key.name())))),
                        patch,
                        schemas,
                        null);
                strategy = strategies.of(key.resource(), fresh);
            }
            Map<String, Object> decoded = decode(strategy, fresh, request, warnings);
            return new Written(
                    store.create(
                            key.resource(),
                            key.namespace(),
                            decoded,
                            request.options(),
                            named -> prepareCreate(strategy, fresh, named, request, apply)),
                    warnings);
        }
        Map<String, Object> stored = store.update(
                key,
                current -> {
                    KindStrategy strategy = strategies.of(key.resource(), current);
                    Map<String, Object> patched = apply
                            ? ownership.applied(strategy, request, key.name(), current, patch)
                            : Patches.apply(contentType, current, patch, schemas, patchKind(strategy));
                    try {
                        return admit(strategy, current, patched, request, warnings, apply);
                    } catch (KubernetesException e) {
                        throw patchedObjectInvalid(e, strategy, patched);
                    }
                },
                request.options());
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
    private static KubernetesException patchedObjectInvalid(
            KubernetesException e, KindStrategy strategy, Map<String, Object> patched) {
        String prefix =
                strategy.gvk().kind() + " in version \"" + strategy.gvk().version() + "\" cannot be handled as a "
                        + strategy.gvk().kind() + ": ";
        if (e.reason() != Reason.BAD_REQUEST
                || e.getMessage() == null
                || !e.getMessage().startsWith(prefix)) {
            return e;
        }
        String json = new String(kmock.internal.json.Json.write(patched), java.nio.charset.StandardCharsets.UTF_8);
        return Validation.invalidPatch(json, e.getMessage().substring(prefix.length()));
    }

    /** The kind whose schema a strategic merge patch follows; none for plain storage, which merges it as a merge patch. */
    private GroupVersionKind patchKind(KindStrategy strategy) {
        return semantics ? strategy.gvk() : null;
    }

    /**
     * What the apiextensions-apiserver's controllers do to a CustomResourceDefinition written past the API
     * ({@code objects().load}): its status becomes what a write through the API sets, unless it is Established.
     */
    public void establish(ObjectKey key) {
        Map<String, Object> current = store.find(key);
        if (!semantics || current == null || established(current)) {
            return;
        }
        store.update(
                key,
                stored -> {
                    KindStrategy strategy = strategies.of(key.resource(), stored);
                    Map<String, Object> result = strategy.prepareForUpdate(stored, stored);
                    Defaults.apply(strategy, result, stored);
                    return result;
                },
                WriteOptions.NONE);
    }

    private static boolean established(Map<String, Object> crd) {
        return crd.get("status") instanceof Map<?, ?> status
                && status.get("conditions") instanceof List<?> conditions
                && conditions.stream()
                        .anyMatch(c -> c instanceof Map<?, ?> condition
                                && "Established".equals(condition.get("type"))
                                && "True".equals(condition.get("status")));
    }

    /** A change that the emulator itself makes (scale), through the same steps as a client's. */
    public Written change(
            ObjectKey key, java.util.function.UnaryOperator<Map<String, Object>> change, WriteRequest request) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> stored = store.update(
                key,
                current -> admit(
                        strategies.of(key.resource(), current),
                        current,
                        change.apply(current),
                        request,
                        warnings,
                        false),
                request.options());
        return new Written(stored, warnings);
    }

    /**
     * A write of the API server's own subresources, which have their own small strategies rather than the kind's
     * update strategy: a pod's {@code binding} (only {@code spec.nodeName} and the scheduling condition change) and a
     * namespace's {@code finalize} (only {@code spec.finalizers} change, under the writer's field manager). The change
     * runs under the store's lock, on a copy of the stored object.
     */
    public Written subresource(
            ObjectKey key, java.util.function.UnaryOperator<Map<String, Object>> change, WriteRequest request) {
        // The binding storage writes the pod directly, so no manager owns the binding; finalize is an update of its
        // own.
        boolean owned = semantics && !"binding".equals(request.subresource());
        Map<String, Object> stored = store.update(
                key,
                current -> {
                    Map<String, Object> result = change.apply(kmock.internal.k8s.store.JsonTree.copyMap(current));
                    return owned
                            ? ownership.updated(strategies.of(key.resource(), current), request, current, result)
                            : result;
                },
                request.options());
        return new Written(stored, List.of());
    }

    /**
     * The steps of an update between decoding and storing; runs under the store's lock, so it sees the current
     * state and no concurrent write.
     *
     * @param current the stored object
     * @param applied whether the object is a server-side apply's merge (which has set its managedFields)
     */
    private Map<String, Object> admit(
            KindStrategy strategy,
            Map<String, Object> current,
            Map<String, Object> object,
            WriteRequest request,
            List<String> warnings,
            boolean applied) {
        boolean statusWrite = "status".equals(request.subresource());
        if (!semantics || strategy.schema() == null) {
            Map<String, Object> result = statusWrite
                    ? strategy.prepareForStatusUpdate(current, object)
                    : strategy.prepareForUpdate(current, object);
            return semantics ? managedFields(strategy, current, object, result, request, applied) : result;
        }
        Map<String, Object> result = decode(strategy, object, request, warnings);
        result = statusWrite
                ? strategy.prepareForStatusUpdate(current, result)
                : strategy.prepareForUpdate(current, result);
        Validation.validate(strategy, result, current, statusWrite);
        // The API server defaults what it reads back from storage too, which fills what the strategy's changes call
        // for.
        Defaults.apply(strategy, result, current);
        return managedFields(strategy, current, object, result, request, applied);
    }

    /** Decoding by the kind's schema (unknown fields dropped, refused or warned about) and defaulting. */
    private Map<String, Object> decode(
            KindStrategy strategy, Map<String, Object> object, WriteRequest request, List<String> warnings) {
        if (!semantics || strategy.schema() == null) {
            return object;
        }
        TypedDecoder.Decoded decoded =
                TypedDecoder.decode(strategy.schema(), object, !strategy.custom(), strategy.gvk());
        unknownFields(strategy.gvk(), decoded.unknownFields(), request, warnings);
        Map<String, Object> result = decoded.object();
        Defaults.apply(strategy, result, null);
        return result;
    }

    /**
     * The steps of a create once the store has given the object its name, uid and creationTimestamp (under the
     * store's lock): the kind's strategy, validation, defaulting of the result as the API server reads it back, and
     * managed fields.
     *
     * @param object the object as the client sent it (an apply's merge carries its managedFields)
     * @param named  the decoded object with its name, uid and creationTimestamp
     */
    private Map<String, Object> prepareCreate(
            KindStrategy strategy,
            Map<String, Object> object,
            Map<String, Object> named,
            WriteRequest request,
            boolean applied) {
        if (!semantics) {
            return named;
        }
        Map<String, Object> result = named;
        if (strategy.schema() != null) {
            result = strategy.prepareForCreate(named);
            Validation.validate(strategy, result, null, false);
            Defaults.apply(strategy, result, null);
        }
        return managedFields(strategy, null, object, result, request, applied);
    }

    /**
     * Managed fields (server-side apply's field ownership), recorded last, on what will be stored: an update's
     * manager gets its Update entry; an apply's merge brought its managedFields, which a status write's
     * preparation (the stored object with the new status) must not lose.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> managedFields(
            KindStrategy strategy,
            Map<String, Object> current,
            Map<String, Object> object,
            Map<String, Object> result,
            WriteRequest request,
            boolean applied) {
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

    private static void unknownFields(
            GroupVersionKind gvk, List<String> unknown, WriteRequest request, List<String> warnings) {
        if (unknown.isEmpty() || request.validation() == FieldValidation.IGNORE) {
            return;
        }
        if (request.validation() == FieldValidation.STRICT) {
            List<String> parts = new ArrayList<>();
            unknown.forEach(path -> parts.add("unknown field \"" + path + "\""));
            throw new KubernetesException(
                    Reason.BAD_REQUEST,
                    gvk.kind() + " in version \"" + gvk.version() + "\" cannot be handled as a " + gvk.kind()
                            + ": strict decoding error: " + String.join(", ", parts));
        }
        unknown.forEach(path -> warnings.add("unknown field \"" + path + "\""));
    }
}
