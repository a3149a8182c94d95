package kmock.handlers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kmock.api.Request;
import kmock.api.Resource;
import kmock.api.Response;
import kmock.internal.k8s.auth.Kubeconfigs;
import kmock.internal.k8s.auth.SelfSubjectReviews;
import kmock.internal.k8s.discovery.Discovery;
import kmock.internal.k8s.discovery.DocumentCache;
import kmock.internal.k8s.discovery.HealthChecks;
import kmock.internal.k8s.discovery.Hints;
import kmock.internal.k8s.discovery.OpenApi;
import kmock.internal.k8s.discovery.ResourceSource;
import kmock.internal.k8s.identity.IdentityApis;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.status.StatusReplies;
import kmock.internal.k8s.watch.WatchEvent;

/**
 * A Kubernetes API without objects: serves discovery ({@code /version}, {@code /api}, {@code /apis}, group and
 * resource lists) from {@link #resources()} and answers every error as a Kubernetes {@code Status} that says how
 * to declare what was missing. User rules come first. Starts with no resources: {@code resources().loadBundled()}.
 *
 * @since 0.1
 */
public class KubernetesScaffold extends RawHandler {

    /** The user of {@link #kubeconfig()}: an administrator, as kind and minikube give one. */
    private static final String ADMIN = "kmock-admin";

    private static final String ADMIN_GROUP = "system:masters";

    private final ResourcesArray resources = new ResourcesArray();
    private final Users users = new Users();
    /** Resources served besides the catalog's: the emulator's stored ones, once it is built. */
    private volatile ResourceSource served = ResourceSource.NONE;

    private final IdentityApis identity = new IdentityApis(this::serviceAccount, (token, caller) -> users.add(
                    caller.user(), caller.groups().toArray(String[]::new))
            .token(caller.user(), token));
    /** Rendered discovery documents of the current catalog; replaced, never mutated, when the catalog changes. */
    private volatile DocumentCache documents;

    /** A scaffold with default options and no resources. */
    public KubernetesScaffold() {
        this(new Builder<>());
    }

    /** A scaffold with a builder's options. */
    protected KubernetesScaffold(Builder<?> builder) {
        super(builder);
    }

    /** A builder: {@code KubernetesScaffold.builder().strict(true).build()}. */
    public static Builder<?> builder() {
        return new Builder<>();
    }

    /** The live catalog of resources served in discovery. */
    public ResourcesArray resources() {
        return resources;
    }

    /** The live users and credentials; authentication is off until {@code users().required(true)}. */
    public Users users() {
        return users;
    }

    /**
     * A kubeconfig for the server this handler is attached to, as an administrator ({@code kmock-admin} in
     * {@code system:masters}): the server URL, over HTTPS the KMock CA and a client certificate for the user.
     */
    public String kubeconfig() {
        return kubeconfig(ADMIN);
    }

    /**
     * A kubeconfig as a given user: over HTTPS a client certificate with the user's declared groups, and the user's
     * bearer token if it has one (the only credential over plain HTTP).
     */
    public String kubeconfig(String user) {
        List<String> groups =
                user.equals(ADMIN) && users.groups(ADMIN).isEmpty() ? List.of(ADMIN_GROUP) : users.groups(user);
        return Kubeconfigs.text(server().url(), user, groups, users.tokenOf(user));
    }

    /** Writes {@link #kubeconfig()} to a file (for {@code KUBECONFIG=…}, kubectl, Helm) and returns the file. */
    public Path kubeconfig(Path file) {
        try {
            return Files.writeString(file, kubeconfig(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the kubeconfig to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records the caller's identity (tokens, KMock client certificates), or refuses it with 401 when required. */
    @Override
    protected Request authenticate(Request request) {
        return users.authenticate(request);
    }

    /** Serves a source's resources too (the emulator's stored ones); called once the source is fully built. */
    void serveAlso(ResourceSource source) {
        this.served = source;
    }

    /**
     * Every resource served: the catalog, the complete resources that rules name (with the default description),
     * plus the added source's (the emulator: resources of stored objects).
     */
    private Map<Resource, ResourceInfo> knownResources(ResourceSource source) {
        Map<Resource, ResourceInfo> known = new HashMap<>();
        for (Resource resource : resources.keys()) {
            ResourceInfo info = resources.find(resource);
            if (info != null) {
                known.put(resource, info);
            }
        }
        for (Resource resource : ruleNames().resources()) {
            known.putIfAbsent(resource, new ResourceInfo());
        }
        source.addTo(known);
        return known;
    }

    /** The stored definition of a custom resource, for its OpenAPI schema, or {@code null}: a scaffold stores none. */
    Map<String, Object> definition(Resource resource) {
        return null;
    }

    /** The stored service account that a token request names, or {@code null}: a scaffold stores none. */
    Map<String, Object> serviceAccount(String namespace, String name) {
        return null;
    }

    /** Discovery answers from rendered, cached documents: quick for the scaffold itself, not for subclasses of users. */
    @Override
    boolean builtInMayBlock(Request request) {
        return getClass() != KubernetesScaffold.class || !isQuickRead(request);
    }

    /**
     * A GET or HEAD of something else than objects: discovery, or an unmatched path answered with a Status. OpenAPI
     * documents are not: the first one rendered takes long enough to hold up an I/O thread.
     */
    static boolean isQuickRead(Request request) {
        return (request.method().equals("GET") || request.method().equals("HEAD"))
                && request.resource() == null
                && !request.path().startsWith("/openapi");
    }

    @Override
    protected Response serve(Request request) throws Exception {
        Response review = SelfSubjectReviews.answer(request);
        if (review != null) {
            return review;
        }
        if (request.method().equals("POST")) {
            try {
                return identity.serve(request);
            } catch (KubernetesException refusal) {
                if (refusal.code() >= 500) {
                    throw refusal;
                }
                return StatusReplies.status(refusal); // the API's answer, not a failure of the server
            }
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return null;
        }
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        Response health = HealthChecks.reply(path, request.params());
        if (health != null) {
            return health;
        }
        if (path.equals("/version")) {
            return StatusReplies.json(200, Discovery.version());
        }
        if (path.equals("/api")) {
            // The only document that depends on the request: it names the address the client used.
            URI url = request.url();
            return StatusReplies.json(
                    200, new Discovery(currentResources()).apiVersions(url.getHost() + ":" + url.getPort()));
        }
        if (!isDiscoveryPath(path)) {
            return null;
        }
        return documents().reply(path, this::render);
    }

    /**
     * The resources served now: a snapshot reused while neither the catalog's revision nor the added source's
     * changes (both only grow, so their sum changes with either), so that routing a request does not walk the
     * catalog.
     */
    final Map<Resource, ResourceInfo> currentResources() {
        return documents().known();
    }

    private DocumentCache documents() {
        ResourceSource source = served;
        long revision = resources.revision() + ruleNames().revision() + source.revision();
        DocumentCache current = documents;
        if (current == null || current.revision() != revision) {
            current = new DocumentCache(revision, knownResources(source));
            documents = current;
        }
        return current;
    }

    private static boolean isDiscoveryPath(String path) {
        return path.equals("/")
                || path.equals("/apis")
                || path.startsWith("/api/")
                || path.startsWith("/apis/")
                || path.equals("/openapi/v3")
                || path.startsWith("/openapi/v3/");
    }

    /** The reply for a discovery path, or {@code null} when the path is not discovery (an object URL, say). */
    private Response render(String path, Map<Resource, ResourceInfo> known) {
        String[] parts = path.split("/");
        if (path.equals("/")) {
            return StatusReplies.json(
                    200, new Discovery(known).paths(ruleNames().paths()));
        }
        if (path.equals("/apis")) {
            return StatusReplies.json(200, new Discovery(known).groupList());
        }
        if (path.equals("/openapi/v3")) {
            return StatusReplies.json(200, new OpenApi(known, this::definition).index());
        }
        if (path.startsWith("/openapi/v3/")) {
            String[] gv = path.substring("/openapi/v3/".length()).split("/");
            if (gv.length == 2 && gv[0].equals("api")) {
                return orNotFound(new OpenApi(known, this::definition).document("", gv[1]), "", gv[1]);
            }
            if (gv.length == 3 && gv[0].equals("apis")) {
                return orNotFound(new OpenApi(known, this::definition).document(gv[1], gv[2]), gv[1], gv[2]);
            }
            return StatusReplies.status(
                    Reason.NOT_FOUND,
                    "no OpenAPI document at " + path
                            + ": the documents are /openapi/v3/api/{version} and /openapi/v3/apis/{group}/{version}");
        }
        if (parts.length == 3 && parts[1].equals("api")) {
            return orNotFound(new Discovery(known).resourceList("", parts[2]), "", parts[2]);
        }
        if (parts.length == 3 && parts[1].equals("apis")) {
            Map<String, Object> group = new Discovery(known).group(parts[2]);
            return group != null
                    ? StatusReplies.json(200, group)
                    : StatusReplies.status(Reason.NOT_FOUND, Hints.unknownGroup(parts[2]));
        }
        if (parts.length == 4 && parts[1].equals("apis")) {
            return orNotFound(new Discovery(known).resourceList(parts[2], parts[3]), parts[2], parts[3]);
        }
        return null;
    }

    private static Response orNotFound(Map<String, Object> document, String group, String version) {
        return document != null
                ? StatusReplies.json(200, document)
                : StatusReplies.status(Reason.NOT_FOUND, Hints.unknownGroupVersion(group, version));
    }

    /** Unmatched requests get a {@code 404 Status} that names what was unknown and how to declare it. */
    @Override
    protected Response renderUnmatched(Request request) {
        Resource resource = request.resource();
        if (resource != null && !currentResources().containsKey(resource)) {
            return StatusReplies.status(Reason.NOT_FOUND, Hints.unknownResource(resource));
        }
        return StatusReplies.status(Reason.NOT_FOUND, Hints.unmatched(request.method(), request.path()));
    }

    /** Failures become a {@code Status}: their own code for Kubernetes errors, else {@code 500}. */
    @Override
    protected Response renderError(Request request, Throwable error) {
        return StatusReplies.status(asKubernetes(error));
    }

    /** A stream that fails after its headers went out ends with a watch {@code ERROR} event carrying the {@code Status}. */
    @Override
    byte[] renderStreamFailure(Throwable failure) {
        return new WatchEvent(WatchEvent.Type.ERROR, asKubernetes(failure).toStatus(), 0).toLine();
    }

    private static KubernetesException asKubernetes(Throwable error) {
        return error instanceof KubernetesException failure
                ? failure
                : new KubernetesException(
                        Reason.INTERNAL_ERROR,
                        error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    }

    /**
     * Options of a scaffold.
     *
     * @param <B> the builder's own type
     */
    public static class Builder<B extends Builder<B>> extends RawHandler.Builder<B> {

        /** For subclasses' builders. */
        protected Builder() {}

        @Override
        public KubernetesScaffold build() {
            return new KubernetesScaffold(this);
        }
    }
}
