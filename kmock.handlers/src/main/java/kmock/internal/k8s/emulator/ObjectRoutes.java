package kmock.internal.k8s.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import kmock.api.Request;
import kmock.api.Resource;
import kmock.api.Response;
import kmock.handlers.ResourceInfo;
import kmock.handlers.ResourcesArray;
import kmock.internal.k8s.patch.Patches;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.KindSchemas;
import kmock.internal.k8s.selectors.FieldLabels;
import kmock.internal.k8s.selectors.Selectors;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.status.StatusReplies;
import kmock.internal.k8s.store.ListPage;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.StoredObject;
import kmock.internal.k8s.strategy.DeleteRequest;
import kmock.internal.k8s.strategy.WriteRequest;
import kmock.internal.k8s.watch.WatchEvent;
import kmock.internal.k8s.watch.WatchRequest;
import kmock.internal.k8s.watch.Watcher;
import kmock.internal.k8s.watch.Watches;

/**
 * The object URLs of the emulator: collections (list, watch, create, delete-collection), objects (get, replace,
 * patch, delete) and the {@code status} and {@code scale} subresources, over the {@link ObjectStore}.
 */
public final class ObjectRoutes {

    private static final Resource CRDS = ObjectDeletes.CRDS;
    private static final Resource NAMESPACES = new Resource("", "v1", "namespaces");
    private static final Resource PODS = new Resource("", "v1", "pods");
    private static final GroupVersionKind SCALE = new GroupVersionKind("autoscaling", "v1", "Scale");

    private final ObjectStore store;
    private final Watches watches;
    private final ResourcesArray catalog;
    private final Supplier<Map<Resource, ResourceInfo>> known;
    private final KindSchemas schemas;
    private final ObjectWrites writes;
    private final ReadReplies reads;
    private final ObjectDeletes deletes;

    /**
     * The routes of an emulator.
     *
     * @param known     every resource served, with its description
     * @param semantics whether writes get the API server's semantics (managed metadata on)
     */
    public ObjectRoutes(
            ObjectStore store,
            Watches watches,
            ResourcesArray catalog,
            Supplier<Map<Resource, ResourceInfo>> known,
            boolean semantics) {
        this.store = store;
        this.watches = watches;
        this.catalog = catalog;
        this.known = known;
        this.schemas = new KindSchemas();
        this.writes = new ObjectWrites(store, schemas, resource -> known.get().get(resource), semantics);
        this.reads = new ReadReplies(this::definition, Clock.systemUTC());
        this.deletes = new ObjectDeletes(store, schemas, resource -> known.get().get(resource), semantics, crd -> {
            CustomResources.unregister(catalog, crd);
            schemas.unregister(crd);
        });
    }

    /** The write path, for the emulator's own writers (its controllers). */
    public ObjectWrites writes() {
        return writes;
    }

    /** The delete path, for the emulator's own writers (its controllers). */
    public ObjectDeletes deletes() {
        return deletes;
    }

    /** How a resource's objects count {@code metadata.generation}, for the store's managed metadata. */
    public kmock.internal.k8s.store.GenerationRule generations(Resource resource) {
        return writes.generations(resource);
    }

    /** Serves a request for a known resource, or {@code null} for a method the URL does not take. */
    public Response serve(Request request) throws Exception {
        Resource resource = request.resource();
        ResourceInfo info = known.get().getOrDefault(resource, new ResourceInfo());
        String namespace = info.namespaced() ? pathNamespace(request) : null;
        String name = pathName(request);
        String subresource = request.subresource();
        if (name == null) {
            return switch (request.method()) {
                case "GET" ->
                    isWatch(request) ? watch(request, resource, namespace) : list(request, resource, namespace);
                case "POST" -> create(request, resource, namespace);
                case "DELETE" -> deleteCollection(request, resource, namespace);
                default -> null;
            };
        }
        ObjectKey key = new ObjectKey(resource, namespace, name);
        if ("scale".equals(subresource)) {
            return scale(request, key);
        }
        if ("finalize".equals(subresource)
                && resource.equals(NAMESPACES)
                && request.method().equals("PUT")) {
            return finalize(request, key);
        }
        if ("binding".equals(subresource)
                && resource.equals(PODS)
                && request.method().equals("POST")) {
            return bind(request, key);
        }
        if (subresource != null && !"status".equals(subresource)) {
            return null;
        }
        return switch (request.method()) {
            case "GET" ->
                subresource != null
                        ? ok(store.get(key))
                        : isWatch(request)
                                ? watch(request, resource, namespace)
                                : reads.object(ReadForm.of(request, false), resource, store.get(key));
            case "PUT" -> {
                WriteRequest options = WriteRequest.of(request);
                yield written(
                        200,
                        registered(
                                resource,
                                writes.replace(key, RequestBodies.object(request), options),
                                options.dryRun()));
            }
            case "PATCH" -> patch(request, key);
            case "DELETE" -> {
                if (subresource != null) {
                    yield null;
                }
                ObjectDeletes.Answer answer = deletes.delete(key, DeleteRequest.of(request));
                yield StatusReplies.json(answer.status(), answer.answer());
            }
            default -> null;
        };
    }

    /**
     * A create. Posted to the cluster-wide URL of a namespaced resource, the object goes to the namespace its body
     * names, as the original emulator does (a real API server has no such URL); without one it is stored cluster-wide.
     */
    private Response create(Request request, Resource resource, String namespace) {
        Map<String, Object> body = RequestBodies.object(request);
        String target = namespace;
        if (target == null
                && known.get().getOrDefault(resource, new ResourceInfo()).namespaced()
                && body.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("namespace") instanceof String given
                && !given.isEmpty()) {
            target = given;
        }
        WriteRequest options = WriteRequest.of(request);
        return created(resource, writes.create(resource, target, body, options), options.dryRun());
    }

    private Response patch(Request request, ObjectKey key) {
        WriteRequest options = WriteRequest.of(request);
        writes.checkPatchOptions(request);
        boolean existed = store.find(key) != null;
        ObjectWrites.Written written = writes.patch(key, request.header("Content-Type"), request.body(), options);
        return existed
                ? written(200, registered(key.resource(), written, options.dryRun()))
                : created(key.resource(), written, options.dryRun());
    }

    @SuppressWarnings("unchecked")
    private Response scale(Request request, ObjectKey key) {
        if (request.method().equals("GET")) {
            return ok(Scale.of(store.get(key)));
        }
        if (!request.method().equals("PUT") && !request.method().equals("PATCH")) {
            return null;
        }
        Map<String, Object> wanted = request.method().equals("PUT")
                ? RequestBodies.object(request)
                : Patches.apply(
                        request.header("Content-Type"), Scale.of(store.get(key)), request.body(), schemas, SCALE);
        Object replicas = wanted.get("spec") instanceof Map<?, ?> spec ? spec.get("replicas") : null;
        if (!(replicas instanceof Number)) {
            throw new KubernetesException(Reason.BAD_REQUEST, "a Scale needs spec.replicas as a number");
        }
        ObjectWrites.Written updated = writes.change(
                key,
                current -> {
                    Map<String, Object> copy = new LinkedHashMap<>(current);
                    Map<String, Object> spec = copy.get("spec") instanceof Map<?, ?> s
                            ? new LinkedHashMap<>((Map<String, Object>) s)
                            : new LinkedHashMap<>();
                    spec.put("replicas", replicas);
                    copy.put("spec", spec);
                    return copy;
                },
                new WriteRequest(
                        "scale",
                        WriteRequest.of(request).dryRun(),
                        WriteRequest.FieldValidation.IGNORE,
                        request.params().get("fieldManager"),
                        false,
                        request.header("User-Agent")));
        return ok(Scale.of(updated.object()));
    }

    private Response list(Request request, Resource resource, String namespace) {
        ReadForm form = ReadForm.of(request, true);
        long limit = parseLong(request.params().get("limit"));
        ListPage page = store.list(
                resource,
                namespace,
                filter(request, resource),
                limit,
                request.params().get("continue"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", page.resourceVersion());
        if (page.continueToken() != null && !page.continueToken().isEmpty()) {
            metadata.put("continue", page.continueToken());
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", resource.apiVersion());
        list.put("kind", kind(resource) + "List");
        list.put("metadata", metadata);
        return reads.list(form, resource, list, page.items());
    }

    /** {@code PUT /api/v1/namespaces/{name}/finalize}: changes only {@code spec.finalizers}, as the namespace controller does. */
    @SuppressWarnings("unchecked")
    private Response finalize(Request request, ObjectKey key) {
        Map<String, Object> body = RequestBodies.object(request);
        Object finalizers = body.get("spec") instanceof Map<?, ?> spec ? spec.get("finalizers") : null;
        ObjectWrites.Written written = writes.subresource(
                key,
                current -> {
                    Map<String, Object> spec = current.get("spec") instanceof Map<?, ?> s
                            ? new LinkedHashMap<>((Map<String, Object>) s)
                            : new LinkedHashMap<>();
                    if (finalizers == null) {
                        spec.remove("finalizers");
                    } else {
                        spec.put("finalizers", finalizers);
                    }
                    current.put("spec", spec);
                    Object version =
                            body.get("metadata") instanceof Map<?, ?> meta ? meta.get("resourceVersion") : null;
                    if (version != null) {
                        ((Map<String, Object>) current.get("metadata")).put("resourceVersion", version);
                    }
                    return current;
                },
                new WriteRequest(
                        "finalize",
                        WriteRequest.of(request).dryRun(),
                        WriteRequest.FieldValidation.IGNORE,
                        request.params().get("fieldManager"),
                        false,
                        request.header("User-Agent")));
        return ok(written.object());
    }

    /** {@code POST …/pods/{name}/binding}: assigns the pod to the binding's target node, as a scheduler does. */
    private Response bind(Request request, ObjectKey key) {
        Map<String, Object> binding = RequestBodies.object(request);
        Object target = binding.get("target") instanceof Map<?, ?> t ? t.get("name") : null;
        if (!(target instanceof String node) || node.isEmpty()) {
            throw new KubernetesException(
                    Reason.INVALID,
                    "Binding.meta.k8s.io \"" + key.name()
                            + "\" is invalid: target.name: Required value: a binding names its node in target.name");
        }
        Map<?, ?> annotations =
                binding.get("metadata") instanceof Map<?, ?> meta && meta.get("annotations") instanceof Map<?, ?> a
                        ? a
                        : Map.of();
        String now = java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                store.settings().clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        WriteRequest options = WriteRequest.of(request);
        writes.subresource(
                key,
                pod -> PodBinding.bind(pod, node, annotations.isEmpty() ? null : stringMap(annotations), now),
                new WriteRequest(
                        "binding",
                        options.dryRun(),
                        options.validation(),
                        options.fieldManager(),
                        false,
                        options.userAgent()));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("metadata", new LinkedHashMap<>());
        status.put("status", "Success");
        status.put("code", 201);
        return StatusReplies.json(201, status);
    }

    private static Map<String, Object> stringMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
        return copy;
    }

    private Response deleteCollection(Request request, Resource resource, String namespace) {
        List<Object> items =
                deletes.deleteCollection(resource, namespace, filter(request, resource), DeleteRequest.of(request));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", resource.apiVersion());
        list.put("kind", kind(resource) + "List");
        list.put("metadata", Map.of("resourceVersion", String.valueOf(store.revision())));
        list.put("items", items);
        return StatusReplies.json(200, list);
    }

    private Response watch(Request request, Resource resource, String namespace) {
        if ("websocket".equalsIgnoreCase(request.header("Upgrade"))) {
            // No WebSocket here: a plain 200 makes fabric8 fall back to an HTTP watch at once.
            return Response.of(200);
        }
        ReadForm form = ReadForm.of(request, false);
        Function<WatchEvent, byte[]> lines = reads.watch(form, resource);
        Map<String, String> params = request.params();
        Long timeout = parseLong(params.get("timeoutSeconds")) > 0 ? parseLong(params.get("timeoutSeconds")) : null;
        WatchRequest watch = WatchRequest.of(resource, namespace)
                .withName(pathName(request))
                .withFilter(filter(request, resource))
                .withResourceVersion(params.get("resourceVersion"))
                .withSendInitialEvents(
                        params.containsKey("sendInitialEvents") ? isTrue(params.get("sendInitialEvents")) : null)
                .withBookmarks(isTrue(params.get("allowWatchBookmarks")))
                .withTimeout(timeout == null ? null : Duration.ofSeconds(timeout));
        Watcher watcher = watches.open(watch);
        return Response.builder().header("Content-Type", "application/json").stream(out -> {
                    try (watcher) {
                        out.write(new byte[0]);
                        while (!watcher.isEnded()) {
                            WatchEvent event = watcher.poll(Duration.ofSeconds(1));
                            if (event != null) {
                                out.write(lines.apply(event));
                            }
                        }
                    }
                })
                .build();
    }

    /** The stored definition of a custom resource, or {@code null} when none defines it. */
    public Map<String, Object> definition(Resource resource) {
        Map<String, Object> crd = store.find(new ObjectKey(CRDS, null, resource.plural() + "." + resource.group()));
        return crd != null && CustomResources.defines(crd, resource) ? crd : null;
    }

    private Predicate<Map<String, Object>> filter(Request request, Resource resource) {
        Predicate<Map<String, Object>> labels =
                Selectors.labels(request.params().get("labelSelector"));
        boolean namespaced =
                known.get().getOrDefault(resource, new ResourceInfo()).namespaced();
        Predicate<Map<String, Object>> fields = Selectors.fields(
                request.params().get("fieldSelector"), FieldLabels.of(resource, namespaced, definition(resource)));
        return labels.and(fields);
    }

    private Response created(Resource resource, ObjectWrites.Written written, boolean dryRun) {
        return written(201, registered(resource, written, dryRun));
    }

    /** A written CustomResourceDefinition makes its resources and their schemas known. */
    private ObjectWrites.Written registered(Resource resource, ObjectWrites.Written written, boolean dryRun) {
        if (resource.equals(CRDS) && !dryRun) {
            define(written.object());
        }
        return written;
    }

    /**
     * Makes the resources of a stored CustomResourceDefinition known, with their schemas; one stored past the API
     * ({@code objects().load}) also gets the status the API server's controllers give it.
     */
    public void define(Map<String, Object> crd) {
        CustomResources.register(catalog, crd);
        schemas.register(crd);
        if (crd.get("metadata") instanceof Map<?, ?> meta && meta.get("name") instanceof String name) {
            writes.establish(new ObjectKey(CRDS, null, name));
        }
    }

    /** A written object, with a {@code Warning} header per warning as the API server sends them. */
    private static Response written(int status, ObjectWrites.Written written) {
        Response.Builder response = Response.builder()
                .status(status)
                .header("Content-Type", "application/json")
                .body(StoredObject.jsonOf(written.object()));
        for (String warning : written.warnings()) {
            response.header(
                    "Warning", "299 - \"" + warning.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return response.build();
    }

    private static Response ok(Object object) {
        return Response.builder()
                .status(200)
                .header("Content-Type", "application/json")
                .body(StoredObject.jsonOf(object))
                .build();
    }

    private String kind(Resource resource) {
        return known.get().getOrDefault(resource, new ResourceInfo()).kindFor(resource.plural());
    }

    private static boolean isWatch(Request request) {
        return isTrue(request.params().get("watch")) || request.path().contains("/watch/");
    }

    private static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    private static long parseLong(String value) {
        try {
            return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new KubernetesException(Reason.BAD_REQUEST, "not a number: " + value);
        }
    }

    private static String pathNamespace(Request request) {
        return kmock.internal.k8s.requests.KubernetesPath.parse(request.path()).namespace();
    }

    private static String pathName(Request request) {
        return kmock.internal.k8s.requests.KubernetesPath.parse(request.path()).name();
    }
}
