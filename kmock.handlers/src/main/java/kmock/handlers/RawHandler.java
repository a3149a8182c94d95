package kmock.handlers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import kmock.api.Client;
import kmock.api.Handler;
import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;
import kmock.internal.dispatch.RuleTable;
import kmock.internal.http.RequestBodies;
import kmock.internal.payloads.Responder;
import kmock.internal.reports.Incidents;
import kmock.internal.reports.NearMisses;
import kmock.internal.streams.LiveHub;
import kmock.internal.views.ReactionNode;
import kmock.internal.views.RequestLog;
import kmock.internal.views.RuleNames;
import kmock.internal.views.ViewContext;
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

    private final boolean strict;
    private final boolean failOnUnmatched;
    private final int limit;
    private final int keepRequests;
    private final boolean keepBodies;
    private final RequestLog log;
    private final RuleTable rules;
    private final LiveHub hub = new LiveHub();
    private final RuleNames names = new RuleNames();
    private final Incidents incidents = new Incidents();
    private final List<Server> servers = new CopyOnWriteArrayList<>();
    private final AtomicInteger served = new AtomicInteger();
    private final ViewNode root;

    /** A lenient handler without a request limit. */
    public RawHandler() {
        this(new Builder<>());
    }

    /** A handler with the builder's options; subclasses pass their own builders up. */
    protected RawHandler(Builder<?> builder) {
        this.strict = builder.strict;
        this.failOnUnmatched = builder.failOnUnmatched != null ? builder.failOnUnmatched : builder.strict;
        this.limit = builder.limit;
        this.keepRequests = builder.keepRequests;
        this.keepBodies = builder.keepBodies;
        this.log = new RequestLog(keepRequests);
        this.rules = new RuleTable(builder.indexing);
        this.root = ViewNode.root(new ViewContext() {
            @Override
            public List<Request> log() {
                return log.snapshot();
            }

            @Override
            public void declare(ReactionNode reaction) {
                rules.add(reaction);
            }

            @Override
            public LiveHub hub() {
                return hub;
            }

            @Override
            public RequestLog newLog() {
                return new RequestLog(keepRequests);
            }

            @Override
            public RuleNames names() {
                return names;
            }
        });
    }

    /** A builder for a handler with options: {@code RawHandler.builder().strict(true).limit(100).build()}. */
    public static Builder<?> builder() {
        return new Builder<>();
    }

    // ---- serving --------------------------------------------------------------------------------------------

    @Override
    public Response handle(Request request) {
        return authenticatedDispatch(request, rules::candidates);
    }

    /** Dispatches a request as its authenticated caller to the rules {@code candidates} gives for it; a refused one is logged and answered. */
    private Response authenticatedDispatch(Request request, Function<Request, Iterable<ReactionNode>> candidates) {
        Request caller;
        try {
            caller = authenticate(request);
        } catch (Exception refused) {
            log.append(request);
            return served(request, renderError(request, refused));
        }
        return served(caller, dispatch(caller, candidates.apply(caller)));
    }

    /**
     * The response, once the logs hold the request: a handler that keeps no bodies lets go of the request's now,
     * or for a stream once it ended (its payloads may still read the request).
     */
    private Response served(Request logged, Response response) {
        if (keepBodies) {
            return response;
        }
        if (!response.isStreaming()) {
            RequestBodies.release(logged);
            return response;
        }
        Response.StreamingBody stream = response.stream();
        return response.newBuilder().stream(out -> {
                    try {
                        stream.writeTo(out);
                    } finally {
                        RequestBodies.release(logged);
                    }
                })
                .build();
    }

    /**
     * Serves a request at once when nothing on its way can block: every rule that may take it has only immutable
     * payloads and no user code (criteria, callables, sinks), and the handler's own behaviour for it is quick.
     * Otherwise it does nothing and answers {@code null}, so the transport calls {@link #handle} on a thread that
     * may block. The rules are taken once, so a rule declared meanwhile cannot slip in unchecked.
     */
    @Override
    public Response handleWithoutBlocking(Request request) {
        if (builtInMayBlock(request)) {
            return null;
        }
        List<ReactionNode> candidates = new ArrayList<>(4);
        for (ReactionNode rule : rules.candidates(request)) {
            if (rule.mayBlock()) {
                return null;
            }
            candidates.add(rule);
        }
        return authenticatedDispatch(request, caller -> candidates);
    }

    /**
     * Whether the handler's own behaviour ({@link #serve}) may block for a request. A subclass of the user's may do
     * anything in {@code serve}, so only the library's own handlers answer otherwise.
     */
    boolean builtInMayBlock(Request request) {
        return getClass() != RawHandler.class;
    }

    /** Serves an authenticated request: the rules in order, then the handler's own behaviour, else unmatched. */
    private Response dispatch(Request request, Iterable<ReactionNode> candidates) {
        long seq = log.append(request);
        if (limit >= 0 && served.incrementAndGet() > limit) {
            IllegalStateException beyond =
                    new IllegalStateException("The request limit of " + limit + " is reached; refused: " + request);
            incidents.error(request, beyond);
            return renderError(request, beyond);
        }
        for (ReactionNode rule : candidates) {
            if (rule.isDepleted() || !rule.admits(request, seq)) {
                continue;
            }
            try {
                if (rule.isSpy()) {
                    rule.record(request);
                    rule.runSinks(request);
                    continue;
                }
                Response response =
                        rule.respond(request, failure -> incidents.error(request, failure), this::renderStreamFailure);
                rule.runSinks(request);
                return response;
            } catch (NoSuchElementException depleted) {
                rule.deplete();
                rules.remove(rule);
            } catch (Exception | Error failure) {
                return failed(request, failure);
            }
        }
        try {
            Response builtIn = serve(request);
            if (builtIn != null) {
                return builtIn;
            }
        } catch (Exception | Error failure) {
            return failed(request, failure);
        }
        List<ReactionNode> all = new ArrayList<>(rules.all());
        all.addAll(rules.retired());
        incidents.unmatched(request, NearMisses.describe(request, all));
        return renderUnmatched(request);
    }

    /**
     * A failure while serving: recorded and answered with {@link #renderError}; but an exchange cut short because
     * its server is closing (a {@code Duration} or a wait interrupted) is no server-side error.
     */
    private Response failed(Request request, Throwable failure) {
        boolean interrupted = failure instanceof InterruptedException
                || Thread.currentThread().isInterrupted();
        if (interrupted && servers.stream().anyMatch(Server::isClosed)) {
            Thread.currentThread().interrupt();
            return Response.of(503);
        }
        incidents.error(request, failure);
        return renderError(request, failure);
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
        return names;
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
        return hub::feed;
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
        Throwable failure = incidents.teardownFailure(strict, failOnUnmatched);
        if (failure != null) {
            throw Rethrow.<RuntimeException>unchecked(failure);
        }
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
        return log.snapshot();
    }

    @Override
    public int size() {
        return log.size();
    }

    @Override
    public boolean contains(Object criterion) {
        return root.contains(criterion);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + log.size() + " requests, "
                + rules.all().size() + " rules]";
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

    /** Throws a checked exception without declaring it: strict close() rethrows the original error itself. */
    private static final class Rethrow {
        @SuppressWarnings("unchecked")
        static <T extends Throwable> T unchecked(Throwable error) throws T {
            throw (T) error;
        }
    }
}
