package kmock.handlers;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kmock.api.Request;
import kmock.api.Resource;
import kmock.api.Response;
import kmock.internal.k8s.discovery.Discovery;
import kmock.internal.k8s.discovery.OpenApi;
import kmock.internal.k8s.discovery.StatusReplies;
import kmock.internal.k8s.store.KubernetesException;
import kmock.internal.k8s.store.KubernetesException.Reason;

/**
 * A Kubernetes API without objects: serves discovery ({@code /version}, {@code /api}, {@code /apis}, group and
 * resource lists) from {@link #resources()} and answers every error as a Kubernetes {@code Status} that says how
 * to declare what was missing. User rules come first. Starts with no resources: {@code resources().loadBundled()}.
 *
 * @since 0.1
 */
public class KubernetesScaffold extends RawHandler {

    private final ResourcesArray resources = new ResourcesArray();

    /** A scaffold with default options and no resources. */
    public KubernetesScaffold() {
        this(new Builder());
    }

    /** A scaffold with a builder's options. */
    protected KubernetesScaffold(Builder builder) {
        super(builder);
    }

    /** A builder: {@code KubernetesScaffold.builder().strict(true).build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The live catalog of resources served in discovery. */
    public ResourcesArray resources() {
        return resources;
    }

    /** Every resource served: the catalog, plus what subclasses add (the emulator: resources of stored objects). */
    protected Map<Resource, ResourceInfo> knownResources() {
        Map<Resource, ResourceInfo> known = new HashMap<>();
        for (Resource resource : resources.keys()) {
            ResourceInfo info = resources.find(resource);
            if (info != null) {
                known.put(resource, info);
            }
        }
        return known;
    }

    @Override
    protected Response serve(Request request) throws Exception {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return null;
        }
        Discovery discovery = new Discovery(knownResources());
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        String[] parts = path.split("/");
        if (path.equals("/")) {
            return StatusReplies.json(200, discovery.paths(List.of()));
        }
        if (path.equals("/version")) {
            return StatusReplies.json(200, Discovery.version());
        }
        if (path.equals("/api")) {
            URI url = request.url();
            return StatusReplies.json(200, discovery.apiVersions(url.getHost() + ":" + url.getPort()));
        }
        if (path.equals("/apis")) {
            return StatusReplies.json(200, discovery.groupList());
        }
        if (path.equals("/openapi/v3")) {
            return StatusReplies.json(200, new OpenApi(knownResources()).index());
        }
        if (path.startsWith("/openapi/v3/")) {
            String[] gv = path.substring("/openapi/v3/".length()).split("/");
            Map<String, Object> document = gv.length == 2 && gv[0].equals("api") ? new OpenApi(knownResources()).document("", gv[1])
                    : gv.length == 3 && gv[0].equals("apis") ? new OpenApi(knownResources()).document(gv[1], gv[2]) : null;
            return orNotFound(document, "the OpenAPI document " + path);
        }
        if (parts.length == 3 && parts[1].equals("api")) {
            return orNotFound(discovery.resourceList("", parts[2]), "the core API version " + parts[2]);
        }
        if (parts.length == 3 && parts[1].equals("apis")) {
            return orNotFound(discovery.group(parts[2]), "the API group " + parts[2]);
        }
        if (parts.length == 4 && parts[1].equals("apis")) {
            return orNotFound(discovery.resourceList(parts[2], parts[3]), "the API version " + parts[2] + "/" + parts[3]);
        }
        return null;
    }

    private static Response orNotFound(Map<String, Object> document, String what) {
        return document != null ? StatusReplies.json(200, document) : StatusReplies.status(Reason.NOT_FOUND,
                what + " is not served: declare a resource in it, e.g. kmock.resources().put(\"example.com/v1/widgets\", "
                        + "Map.of(\"kind\", \"Widget\", \"namespaced\", true)), or kmock.resources().loadBundled()");
    }

    /** Unmatched requests get a {@code 404 Status} that names what was unknown and how to declare it. */
    @Override
    protected Response renderUnmatched(Request request) {
        Resource resource = request.resource();
        if (resource != null && !knownResources().containsKey(resource)) {
            return StatusReplies.status(Reason.NOT_FOUND, "the resource " + resource + " is not known: declare it with "
                    + "kmock.resources().put(\"" + resource.apiVersion() + "/" + resource.plural() + "\", Map.of(\"kind\", …, "
                    + "\"namespaced\", …)) or kmock.resources().loadBundled()");
        }
        return StatusReplies.status(Reason.NOT_FOUND, "nothing serves " + request.method() + " " + request.path()
                + ": declare it with kmock.on(\"" + request.method().toLowerCase(java.util.Locale.ROOT) + " " + request.path() + "\").reply(…)");
    }

    /** Failures become a {@code Status}: their own code for Kubernetes errors, else {@code 500}. */
    @Override
    protected Response renderError(Request request, Throwable error) {
        if (error instanceof KubernetesException failure) {
            return StatusReplies.status(failure);
        }
        return StatusReplies.status(Reason.INTERNAL_ERROR, error.getClass().getName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    }

    /** Options of a scaffold. */
    public static class Builder extends RawHandler.Builder {

        /** For subclasses' builders. */
        protected Builder() {
        }

        @Override
        public Builder strict(boolean strict) {
            super.strict(strict);
            return this;
        }

        @Override
        public Builder limit(int limit) {
            super.limit(limit);
            return this;
        }

        @Override
        public KubernetesScaffold build() {
            return new KubernetesScaffold(this);
        }
    }
}
