package kmock.handlers;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import kmock.api.Client;
import kmock.api.Handler;
import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;
import kmock.internal.dispatch.Dispatcher;
import kmock.internal.dispatch.HandlerState;
import kmock.internal.payloads.Responder;
import kmock.internal.reports.Incidents;
import kmock.internal.views.RuleNames;
import kmock.internal.views.ViewNode;

/**
 * A handler for any HTTP API, declared with a brief DSL: {@code kmock.on("get /users").reply(200, users)}. It is
 * the root {@link View} (its log holds every request that arrived, unmatched ones included) and, once a server
 * serves it, a {@link Client} pointed at that server, so relative URLs work: {@code kmock.get("/users")}.
 *
 * <pre>{@code
 * try (RawHandler kmock = new RawHandler(); Server server = Server.builder(kmock).start()) {
 *     kmock.on("get /").reply("hello".getBytes());
 *     assert kmock.get("/").text().equals("hello");
 * }
 * }</pre>
 *
 * <p>Unmatched requests get {@code 404} with a plain-text near-miss report (the closest rules and how the request
 * missed each: {@link #describeUnmatched()}); a payload that fails gets {@code 500} and lands in {@link #errors()}.
 * Thread-safe.
 *
 * @since 0.1
 */
public class RawHandler implements Handler, View, Client, AutoCloseable {

    // The public face only: what the rules and views share is a HandlerState, and how a request is served is a
    // Dispatcher's, which calls back the hooks below (authenticate, serve, the renderers) that subclasses override.
    private final boolean strict;
    private final boolean failOnUnmatched;
    private final HandlerState state;
    private final Incidents incidents = new Incidents();
    private final List<Server> servers = new CopyOnWriteArrayList<>();
    private final Dispatcher dispatcher;
    private final ViewNode root;

    /** A lenient handler without a request limit. */
    public RawHandler() {
        this(new Builder<>());
    }

    /** A handler with the builder's options; subclasses pass their own builders up. */
    protected RawHandler(Builder<?> builder) {
        this.strict = builder.strict;
        this.failOnUnmatched = builder.failOnUnmatched != null ? builder.failOnUnmatched : builder.strict;
        this.state = new HandlerState(builder.keepRequests, builder.indexing);
        this.dispatcher = new Dispatcher(new Hooks(), state, incidents, builder.limit, builder.keepBodies);
        this.root = ViewNode.root(state);
    }

    /** A builder for a handler with options: {@code RawHandler.builder().strict(true).limit(100).build()}. */
    public static Builder<?> builder() {
        return new Builder<>();
    }

    // ---- serving --------------------------------------------------------------------------------------------

    @Override
    public Response handle(Request request) {
        return dispatcher.handle(request);
    }

    /**
     * Serves a request at once when nothing on its way can block: every rule that may take it has only immutable
     * payloads and no user code (criteria, callables, sinks), and the handler's own behaviour for it is quick.
     * Otherwise it does nothing and answers {@code null}, so the transport calls {@link #handle} on a thread that
     * may block. The rules are taken once, so a rule declared meanwhile cannot slip in unchecked.
     */
    @Override
    public Response handleWithoutBlocking(Request request) {
        return dispatcher.handleWithoutBlocking(request);
    }

    /**
     * Whether the handler's own behaviour ({@link #serve}) may block for a request. A subclass of the user's may do
     * anything in {@code serve}, so only the library's own handlers answer otherwise.
     */
    boolean builtInMayBlock(Request request) {
        return getClass() != RawHandler.class;
    }

    /**
     * The request as rules and views see it: Kubernetes handlers record the caller's identity
     * ({@link Request#user()}) here, or refuse it by throwing (answered like a failed payload, but not counted in
     * {@link #errors()}). A raw handler takes every request as it comes.
     */
    protected Request authenticate(Request request) throws Exception {
        return request;
    }

    /**
     * The handler's own behaviour for a request that no user rule answered, or {@code null} for none: nothing in a
     * raw handler; discovery in the Kubernetes scaffold; objects in the emulator. User rules always come first.
     */
    protected Response serve(Request request) throws Exception {
        return null;
    }

    /**
     * The answer to a request that no rule took: {@code 404} with its near-miss report as plain text. Kubernetes
     * handlers answer a {@code Status} instead.
     */
    protected Response renderUnmatched(Request request) {
        String report = incidents.reportOf(request);
        return Response.builder()
                .status(404)
                .header("Content-Type", "text/plain; charset=utf-8")
                .body((report == null ? "" : report) + "\n")
                .build();
    }

    /** The answer when a payload failed: {@code 500} naming the exception. Kubernetes handlers answer a {@code Status}. */
    protected Response renderError(Request request, Throwable error) {
        return Response.builder()
                .status(500)
                .header("Content-Type", "text/plain; charset=utf-8")
                .body(error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage()) + "\n")
                .build();
    }

    /** What the rules name literally: Kubernetes handlers serve those resources and paths in discovery. */
    RuleNames ruleNames() {
        return state.names();
    }

    /**
     * The last line of a stream that failed after its headers went out: the failure's class and message. Kubernetes
     * handlers write an {@code ERROR} event with a {@code Status} instead.
     */
    byte[] renderStreamFailure(Throwable failure) {
        return Responder.failureLine(failure);
    }

    /** Server-side exceptions so far (depletion excluded), in order. */
    public List<Throwable> errors() {
        return incidents.errors();
    }

    /** Records a failure of the handler's own machinery (such as an emulator's controllers), as a request's would be. */
    void recordError(Throwable error) {
        incidents.error(null, error);
    }

    /** The requests that no rule answered, in order; {@link #describeUnmatched()} says why each missed. */
    public List<Request> unmatched() {
        return incidents.unmatched();
    }

    /**
     * Describes the requests that no rule answered, one near-miss report each (as their {@code 404}s carried it):
     * the request, then the closest rules (up to three), each with the criteria it failed, what was expected
     * against what arrived. Empty when every request was answered.
     *
     * <pre>
     * GET /users/2 matched no rule; the closest of 1 rule:
     *   1. kmock.on("get /users").reply(…)
     *        path: expected /users, got /users/2
     * </pre>
     */
    public String describeUnmatched() {
        return incidents.describeUnmatched(Integer.MAX_VALUE);
    }

    /** The hub of every stream waiting at a {@code Payload.LIVE} point: {@code kmock.live().feed(item)}. */
    public Live live() {
        return state.hub()::feed;
    }

    /** Feeds every stream of a handler that waits at a {@code Payload.LIVE} feeding point. */
    @FunctionalInterface
    public interface Live {
        /** Feeds items; without a new {@code Payload.LIVE} among them, the waiting streams run to their end. */
        void feed(Object... items);
    }

    /**
     * Ends the handler's use: a strict handler throws its first server-side error (itself, not wrapped) with the
     * others attached as suppressed, each with a suppressed note naming the request that raised it; with
     * {@code failOnUnmatched} (on with strict), requests that no rule answered make it throw an
     * {@link AssertionError} with their near-miss reports (attached as suppressed when an error is thrown).
     * A lenient handler never throws.
     *
     * <p>The first error is thrown as it was raised, so it may be a checked exception (a payload's
     * {@code IOException}, say) although {@code close()} declares none: a test that wants to inspect it catches
     * {@code Exception} (or {@code Throwable}), not only {@code RuntimeException}.
     *
     * @throws AssertionError when requests went unmatched and no server-side error was recorded
     */
    @Override
    public void close() {
        if (!strict && !failOnUnmatched) {
            return;
        }
        incidents.throwTeardownFailure(strict, failOnUnmatched);
    }

    // ---- servers and the embedded client --------------------------------------------------------------------

    @Override
    public void attach(Server server) {
        servers.add(server);
    }

    @Override
    public void detach(Server server) {
        servers.remove(server);
    }

    /** The server serving this handler (the first attached, when several do). */
    public Server server() {
        if (!servers.isEmpty()) {
            return servers.get(0);
        }
        throw new IllegalStateException(
                "This handler is not attached to a server: start one with Server.builder(handler).start()");
    }

    /** The server's base URL, such as {@code http://127.0.0.1:41234/}. */
    public URI url() {
        return server().url();
    }

    /** The server's embedded client. */
    public Client client() {
        return server().client();
    }

    @Override
    public KResponse request(String method, String url, Object body, Map<String, String> headers) {
        return client().request(method, url, body, headers);
    }

    @Override
    public KStream stream(String method, String url, Object body, Map<String, String> headers) {
        return client().stream(method, url, body, headers);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return client().unwrap(type);
    }

    // ---- the root view --------------------------------------------------------------------------------------

    @Override
    public View on(Object... criteria) {
        return root.on(criteria);
    }

    @Override
    public Reaction reply(Object... payloads) {
        return root.reply(payloads);
    }

    @Override
    public Reaction sink(Object... sinks) {
        return root.sink(sinks);
    }

    @Override
    public View priority(int priority) {
        return root.priority(priority);
    }

    @Override
    public View fallback() {
        return root.fallback();
    }

    @Override
    public View override() {
        return root.override();
    }

    @Override
    public View slice(int from, int to, int step) {
        return root.slice(from, to, step);
    }

    @Override
    public View or(View other) {
        return root.or(other);
    }

    @Override
    public View and(View other) {
        return root.and(other);
    }

    @Override
    public View except(View other) {
        return root.except(other);
    }

    @Override
    public List<Request> requests() {
        return state.log();
    }

    @Override
    public int size() {
        return state.requestLog().size();
    }

    @Override
    public boolean contains(Object criterion) {
        return root.contains(criterion);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + state.requestLog().size() + " requests, "
                + state.rules().all().size() + " rules]";
    }

    /**
     * Options of a handler. Subclass builders extend this one with themselves as {@code B}, so that every setter,
     * inherited ones too, returns the most specific builder: {@code KubernetesEmulator.builder().strict(true)
     * .managedMetadata(false).build()}.
     *
     * @param <B> the builder's own type
     */
    public static class Builder<B extends Builder<B>> {
        private boolean strict;
        private Boolean failOnUnmatched;
        private int limit = -1;
        private int keepRequests = Integer.MAX_VALUE;
        private boolean keepBodies = true;
        private boolean indexing = true;

        /** For subclasses' builders. */
        protected Builder() {}

        /** Whether {@link RawHandler#close()} throws the first server-side error (and, by default, fails on unmatched requests). */
        public B strict(boolean strict) {
            this.strict = strict;
            return self();
        }

        /**
         * Whether {@link RawHandler#close()} fails when some request matched no rule, with their near-miss reports;
         * by default it follows {@link #strict(boolean)}.
         */
        public B failOnUnmatched(boolean failOnUnmatched) {
            this.failOnUnmatched = failOnUnmatched;
            return self();
        }

        /** The most requests served; beyond it every request is answered with an error and recorded. */
        public B limit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must be >= 0, got " + limit);
            }
            this.limit = limit;
            return self();
        }

        /**
         * How many of the latest requests the logs keep (the handler's, and each rule's), for long runs; by default
         * all of them. Views see only the kept ones; slices and {@link #limit(int)} still count every request.
         */
        public B keepRequests(int requests) {
            if (requests < 0) {
                throw new IllegalArgumentException("keepRequests must be >= 0, got " + requests);
            }
            this.keepRequests = requests;
            return self();
        }

        /**
         * Whether logged requests keep their bodies (by default they do). Without, a request's body reads as empty
         * once it has been served, so that a long run of uploads does not keep them all; body criteria then see
         * only the requests being served.
         */
        public B keepBodies(boolean keepBodies) {
            this.keepBodies = keepBodies;
            return self();
        }

        /** Off: every rule is scanned in order; the reference of the dispatch equivalence test. */
        B indexing(boolean indexing) {
            this.indexing = indexing;
            return self();
        }

        /** The handler. */
        public RawHandler build() {
            return new RawHandler(this);
        }

        /** This builder as its own type: {@code B} is the class of every builder made. */
        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }
    }

    /** The hooks as the dispatcher calls them: each is this handler's, overridden or not. */
    private final class Hooks implements Dispatcher.Hooks {
        @Override
        public Request authenticate(Request request) throws Exception {
            return RawHandler.this.authenticate(request);
        }

        @Override
        public Response serve(Request request) throws Exception {
            return RawHandler.this.serve(request);
        }

        @Override
        public boolean builtInMayBlock(Request request) {
            return RawHandler.this.builtInMayBlock(request);
        }

        @Override
        public Response renderUnmatched(Request request) {
            return RawHandler.this.renderUnmatched(request);
        }

        @Override
        public Response renderError(Request request, Throwable error) {
            return RawHandler.this.renderError(request, error);
        }

        @Override
        public byte[] renderStreamFailure(Throwable failure) {
            return RawHandler.this.renderStreamFailure(failure);
        }

        @Override
        public boolean serverClosed() {
            return servers.stream().anyMatch(Server::isClosed);
        }
    }
}
