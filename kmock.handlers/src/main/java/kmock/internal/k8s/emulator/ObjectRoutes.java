package kmock.internal.k8s.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import kmock.internal.k8s.discovery.StatusReplies;
import kmock.internal.k8s.patch.Patches;
import kmock.internal.k8s.selectors.FieldLabels;
import kmock.internal.k8s.selectors.Selectors;
import kmock.internal.k8s.store.Deletion;
import kmock.internal.k8s.store.KubernetesException;
import kmock.internal.k8s.store.KubernetesException.Reason;
import kmock.internal.k8s.store.ListPage;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.StatusSubresource;
import kmock.internal.k8s.store.WriteOptions;
import kmock.internal.k8s.watch.WatchEvent;
import kmock.internal.k8s.watch.WatchRequest;
import kmock.internal.k8s.watch.Watcher;
import kmock.internal.k8s.watch.Watches;

/**
 * The object URLs of the emulator: collections (list, watch, create, delete-collection), objects (get, replace,
 * patch, delete) and the {@code status} and {@code scale} subresources, over the {@link ObjectStore}.
 */
public final class ObjectRoutes {

    private static final Resource CRDS = new Resource("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    private final ObjectStore store;
    private final Watches watches;
    private final ResourcesArray catalog;
    private final Supplier<Map<Resource, ResourceInfo>> known;
    private final ReadReplies reads;

    public ObjectRoutes(ObjectStore store, Watches watches, ResourcesArray catalog, Supplier<Map<Resource, ResourceInfo>> known) {
        this.store = store;
        this.watches = watches;
        this.catalog = catalog;
        this.known = known;
        this.reads = new ReadReplies(this::definition, Clock.systemUTC());
    }

    /** Serves a request for a known resource, or {@code null} for a method the URL does not take. */
    public Response serve(Request request) throws Exception {
        Resource resource = request.resource();
        ResourceInfo info = known.get().getOrDefault(resource, new ResourceInfo());
        String namespace = info.namespaced() ? pathNamespace(request) : null;
        String name = pathName(request);
        String subresource = request.subresource();
        WriteOptions options = "All".equals(request.params().get("dryRun")) ? WriteOptions.DRY_RUN : WriteOptions.NONE;
        if (name == null) {
            return switch (request.method()) {
                case "GET" -> isWatch(request) ? watch(request, resource, namespace) : list(request, resource, namespace);
                case "POST" -> create(request, resource, namespace, options);
                case "DELETE" -> deleteCollection(request, resource, namespace, options);
                default -> null;
            };
        }
        ObjectKey key = new ObjectKey(resource, namespace, name);
        if ("status".equals(subresource)) {
            return status(request, key, options);
        }
        if ("scale".equals(subresource)) {
            return scale(request, key, options);
        }
        if (subresource != null) {
            return null;
        }
        boolean keepsStatus = info.subresources().contains("status");
        return switch (request.method()) {
            case "GET" -> isWatch(request) ? watch(request, resource, namespace)
                    : reads.object(ReadForm.of(request, false), resource, store.get(key));
            case "PUT" -> {
                Map<String, Object> body = RequestBodies.object(request);
                yield ok(store.update(key, current -> keepsStatus ? StatusSubresource.keepStatus(current, body) : body, options));
            }
            case "PATCH" -> patch(request, key, keepsStatus, options);
            case "DELETE" -> {
                Deletion deletion = store.delete(key, options);
                yield StatusReplies.json(deletion.pending() ? 202 : 200, deletion.object());
            }
            default -> null;
        };
    }

    /**
     * A create. Posted to the cluster-wide URL of a namespaced resource, the object goes to the namespace its body
     * names, as the original emulator does (a real API server has no such URL); without one it is stored cluster-wide.
     */
    private Response create(Request request, Resource resource, String namespace, WriteOptions options) {
        Map<String, Object> body = RequestBodies.object(request);
        String target = namespace;
        if (target == null && known.get().getOrDefault(resource, new ResourceInfo()).namespaced()
                && body.get("metadata") instanceof Map<?, ?> metadata && metadata.get("namespace") instanceof String given
                && !given.isEmpty()) {
            target = given;
        }
        return created(resource, store.create(resource, target, body, options));
    }

    private Response patch(Request request, ObjectKey key, boolean keepsStatus, WriteOptions options) {
        String type = request.header("Content-Type");
        byte[] body = request.body();
        if (Patches.isApply(type) && store.find(key) == null) {
            Map<String, Object> fresh = Patches.apply(type, new LinkedHashMap<>(Map.of("metadata", Map.of("name", key.name()))), body);
            return created(key.resource(), store.create(key.resource(), key.namespace(), fresh, options));
        }
        return ok(store.update(key, current -> {
            Map<String, Object> patched = Patches.apply(type, current, body);
            return keepsStatus ? StatusSubresource.keepStatus(current, patched) : patched;
        }, options));
    }

    private Response status(Request request, ObjectKey key, WriteOptions options) {
        return switch (request.method()) {
            case "GET" -> ok(store.get(key));
            case "PUT" -> {
                Map<String, Object> body = RequestBodies.object(request);
                yield ok(store.update(key, current -> StatusSubresource.onlyStatus(current, body), options));
            }
            case "PATCH" -> ok(store.update(key, current -> StatusSubresource.onlyStatus(current,
                    Patches.apply(request.header("Content-Type"), current, request.body())), options));
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private Response scale(Request request, ObjectKey key, WriteOptions options) {
        if (request.method().equals("GET")) {
            return ok(Scale.of(store.get(key)));
        }
        Map<String, Object> wanted = request.method().equals("PUT") ? RequestBodies.object(request)
                : Patches.apply(request.header("Content-Type"), Scale.of(store.get(key)), request.body());
        Object replicas = wanted.get("spec") instanceof Map<?, ?> spec ? spec.get("replicas") : null;
        if (!(replicas instanceof Number)) {
            throw new KubernetesException(Reason.BAD_REQUEST, "a Scale needs spec.replicas as a number");
        }
        Map<String, Object> updated = store.update(key, current -> {
            Map<String, Object> copy = new LinkedHashMap<>(current);
            Map<String, Object> spec = copy.get("spec") instanceof Map<?, ?> s ? new LinkedHashMap<>((Map<String, Object>) s) : new LinkedHashMap<>();
            spec.put("replicas", replicas);
            copy.put("spec", spec);
            return copy;
        }, options);
        return ok(Scale.of(updated));
    }

    private Response list(Request request, Resource resource, String namespace) {
        ReadForm form = ReadForm.of(request, true);
        long limit = parseLong(request.params().get("limit"));
        ListPage page = store.list(resource, namespace, filter(request, resource), limit, request.params().get("continue"));
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

    private Response deleteCollection(Request request, Resource resource, String namespace, WriteOptions options) {
        List<Object> items = new ArrayList<>();
        for (Deletion deletion : store.deleteCollection(resource, namespace, filter(request, resource), options)) {
            items.add(deletion.object());
        }
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
        WatchRequest watch = WatchRequest.of(resource, namespace).withName(pathName(request)).withFilter(filter(request, resource))
                .withResourceVersion(params.get("resourceVersion"))
                .withSendInitialEvents(params.containsKey("sendInitialEvents") ? isTrue(params.get("sendInitialEvents")) : null)
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
        }).build();
    }

    /** The stored definition of a custom resource, or {@code null} when none defines it. */
    private Map<String, Object> definition(Resource resource) {
        Map<String, Object> crd = store.find(new ObjectKey(CRDS, null, resource.plural() + "." + resource.group()));
        return crd != null && CustomResources.defines(crd, resource) ? crd : null;
    }

    private Predicate<Map<String, Object>> filter(Request request, Resource resource) {
        Predicate<Map<String, Object>> labels = Selectors.labels(request.params().get("labelSelector"));
        boolean namespaced = known.get().getOrDefault(resource, new ResourceInfo()).namespaced();
        Predicate<Map<String, Object>> fields = Selectors.fields(request.params().get("fieldSelector"),
                FieldLabels.of(resource, namespaced, definition(resource)));
        return labels.and(fields);
    }

    private Response created(Resource resource, Map<String, Object> object) {
        if (resource.equals(CRDS)) {
            CustomResources.register(catalog, object);
        }
        return StatusReplies.json(201, object);
    }

    private static Response ok(Object object) {
        return StatusReplies.json(200, object);
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
        return kmock.internal.kubernetes.KubernetesPath.parse(request.path()).namespace();
    }

    private static String pathName(Request request) {
        return kmock.internal.kubernetes.KubernetesPath.parse(request.path()).name();
    }
}
