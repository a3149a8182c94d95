package kmock.internal.k8s.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.KindSchemas;
import kmock.internal.k8s.store.Deletion;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.WriteOptions;
import kmock.internal.k8s.strategy.DeleteRequest;
import kmock.internal.k8s.strategy.DeletionRules;

/**
 * The API server's deletes: the rules of {@link DeletionRules}, the answer (the object while something keeps it;
 * once deleted, the object for the kinds whose storage returns it and a {@code Status} for the others), and the
 * cleanup that the API server itself runs for a deleted CustomResourceDefinition (its custom resources go, then it).
 */
public final class ObjectDeletes {

    static final Resource CRDS = new Resource("apiextensions.k8s.io", "v1", "customresourcedefinitions");
    private static final String CRD_CLEANUP = "customresourcecleanup.apiextensions.k8s.io";
    private static final Resource NAMESPACES = new Resource("", "v1", "namespaces");
    /** The finalizer a Namespace's strategy puts in its spec, and the namespace controller removes. */
    private static final String NAMESPACE_FINALIZER = "kubernetes";

    /** Built-in resources whose storage answers a delete with the deleted object ({@code ReturnDeletedObject}). */
    private static final Set<String> RETURN_DELETED = Set.of(
            "/pods",
            "/podtemplates",
            "/resourcequotas",
            "/serviceaccounts",
            "/services",
            "/persistentvolumeclaims",
            "/persistentvolumes",
            "storage.k8s.io/csidrivers",
            "storage.k8s.io/csinodes",
            "storage.k8s.io/storageclasses",
            "storage.k8s.io/volumeattachments",
            "storage.k8s.io/volumeattributesclasses",
            "resource.k8s.io/deviceclasses",
            "resource.k8s.io/resourceclaims",
            "resource.k8s.io/resourceclaimtemplates",
            "resource.k8s.io/resourceslices",
            "resource.k8s.io/devicetaintrules");

    private final ObjectStore store;
    private final KindSchemas schemas;
    private final Function<Resource, ResourceInfo> catalog;
    private final boolean semantics;
    private final java.util.function.Consumer<Map<String, Object>> crdGone;
    private volatile boolean namespaceController;

    /** @param crdGone told of every CustomResourceDefinition that is gone, to forget its resources */
    ObjectDeletes(
            ObjectStore store,
            KindSchemas schemas,
            Function<Resource, ResourceInfo> catalog,
            boolean semantics,
            java.util.function.Consumer<Map<String, Object>> crdGone) {
        this.store = store;
        this.schemas = schemas;
        this.catalog = catalog;
        this.semantics = semantics;
        this.crdGone = crdGone;
    }

    /**
     * The outcome of a delete.
     *
     * @param status the HTTP status
     * @param answer the body: the object, or a {@code Status}
     */
    public record Answer(int status, Map<String, Object> answer) {}

    /**
     * Leaves deleted namespaces Terminating for a namespace controller to empty and finalize, as the API server does,
     * instead of finalizing them here at once.
     */
    public void leaveNamespacesToController() {
        namespaceController = true;
    }

    /** Deletes one object. */
    public Answer delete(ObjectKey key, DeleteRequest request) {
        if (semantics && key.resource().equals(CRDS)) {
            return deleteCrd(key, request);
        }
        if (semantics && key.resource().equals(NAMESPACES) && hasSchema(NAMESPACES) && !namespaceController) {
            return deleteNamespace(key, request);
        }
        Deletion deletion = store.delete(key, request.options(), rule(key.resource(), request));
        return answer(key, deletion, request);
    }

    /** Deletes every object of a collection that the filter accepts; answers the list of their deletions. */
    List<Object> deleteCollection(
            Resource resource, String namespace, Predicate<Map<String, Object>> filter, DeleteRequest request) {
        List<Object> items = new ArrayList<>();
        for (Deletion deletion :
                store.deleteCollection(resource, namespace, filter, request.options(), rule(resource, request))) {
            items.add(deletion.object());
        }
        return items;
    }

    private ObjectStore.DeletionRule rule(Resource resource, DeleteRequest request) {
        String kind = kind(resource);
        boolean builtIn = kind != null
                && !schemas.isCustom(new GroupVersionKind(resource.group(), resource.version(), kind))
                && schemas.get(new GroupVersionKind(resource.group(), resource.version(), kind)) != null;
        return DeletionRules.of(kind, builtIn, request, semantics);
    }

    private Answer answer(ObjectKey key, Deletion deletion, DeleteRequest request) {
        if (deletion.pending()) {
            // The API server answers 202 only to those who asked for cascading deletion the old way.
            return new Answer(Boolean.FALSE.equals(request.orphanDependents()) ? 202 : 200, deletion.object());
        }
        if (!semantics
                || !hasSchema(key.resource())
                || RETURN_DELETED.contains(
                        key.resource().group() + "/" + key.resource().plural())) {
            return new Answer(200, deletion.object());
        }
        return new Answer(200, success(key, deletion.object()));
    }

    /** The {@code Status} of an immediate delete: it names the object, and says it is gone rather than finalizing. */
    private static Map<String, Object> success(ObjectKey key, Map<String, Object> deleted) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", key.name());
        details.put("group", key.resource().group());
        details.put("kind", key.resource().plural());
        if (deleted.get("metadata") instanceof Map<?, ?> meta && meta.get("uid") != null) {
            details.put("uid", meta.get("uid"));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("metadata", new LinkedHashMap<>());
        status.put("status", "Success");
        status.put("details", details);
        return status;
    }

    /**
     * A CustomResourceDefinition is marked Terminating with the cleanup finalizer; then, as the API server's
     * finalizing controller does, its custom resources are deleted and the finalizer removed, which deletes it.
     */
    @SuppressWarnings("unchecked")
    private Answer deleteCrd(ObjectKey key, DeleteRequest request) {
        Deletion marked = store.delete(key, request.options(), object -> {
            Map<String, Object> meta =
                    (Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
            List<Object> finalizers =
                    meta.get("finalizers") instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
            if (!finalizers.contains(CRD_CLEANUP)) {
                finalizers.add(CRD_CLEANUP);
            }
            meta.put("finalizers", finalizers);
            CustomResources.terminating(object);
            return object;
        });
        if (request.dryRun()) {
            return new Answer(200, marked.object());
        }
        Map<String, Object> crd = marked.object();
        for (Resource resource : CustomResources.resources(crd)) {
            store.deleteCollection(resource, null, object -> true, request.options(), object -> null);
        }
        Map<String, Object> last = store.update(
                key,
                object -> {
                    Map<String, Object> meta = (Map<String, Object>) object.get("metadata");
                    List<Object> finalizers =
                            new ArrayList<>((List<Object>) meta.getOrDefault("finalizers", List.of()));
                    finalizers.remove(CRD_CLEANUP);
                    meta.put("finalizers", finalizers);
                    return object;
                },
                request.options());
        if (store.find(key) == null) {
            crdGone.accept(last);
        }
        return new Answer(200, crd);
    }

    /**
     * A Namespace is marked Terminating; then, as the namespace controller does, its content is deleted and, once
     * none is left, the {@code kubernetes} finalizer of its spec is removed, which deletes the namespace unless other
     * finalizers keep it (a {@code /finalize} write ends those). Content that finalizers keep leaves it Terminating.
     * The answer is the Terminating namespace, as the API server's.
     */
    @SuppressWarnings("unchecked")
    private Answer deleteNamespace(ObjectKey key, DeleteRequest request) {
        Deletion marked = store.delete(key, request.options(), rule(key.resource(), request));
        if (request.dryRun() || !marked.pending()) {
            return answer(key, marked, request);
        }
        DeleteRequest plain = new DeleteRequest(false, null, null, null, null, null);
        for (ObjectKey content : store.keys()) {
            if (key.name().equals(content.namespace()) && store.find(content) != null) {
                store.delete(content, plain.options(), rule(content.resource(), plain));
            }
        }
        boolean empty = store.keys().stream()
                .noneMatch(content -> key.name().equals(content.namespace()) && store.find(content) != null);
        if (empty && store.find(key) != null) {
            store.update(
                    key,
                    namespace -> {
                        Map<String, Object> spec = namespace.get("spec") instanceof Map<?, ?> map
                                ? (Map<String, Object>) map
                                : new LinkedHashMap<>();
                        List<Object> finalizers = spec.get("finalizers") instanceof List<?> list
                                ? new ArrayList<>(list)
                                : new ArrayList<>();
                        finalizers.remove(NAMESPACE_FINALIZER);
                        if (finalizers.isEmpty()) {
                            spec.remove("finalizers");
                        } else {
                            spec.put("finalizers", finalizers);
                        }
                        namespace.put("spec", spec);
                        return namespace;
                    },
                    WriteOptions.NONE);
        }
        return answer(key, marked, request);
    }

    private String kind(Resource resource) {
        ResourceInfo info = catalog.apply(resource);
        return info == null ? null : info.kind();
    }

    private boolean hasSchema(Resource resource) {
        String kind = kind(resource);
        return kind != null && schemas.get(new GroupVersionKind(resource.group(), resource.version(), kind)) != null;
    }
}
