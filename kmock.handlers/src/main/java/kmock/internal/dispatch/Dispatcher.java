package kmock.internal.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import kmock.api.Request;
import kmock.api.Response;
import kmock.internal.http.RequestBodies;
import kmock.internal.reports.Incidents;
import kmock.internal.reports.NearMisses;
import kmock.internal.views.ReactionNode;

/**
 * How a handler serves a request: authenticate the caller, log the request, hold to the request limit, try the
 * rules in serving order, then the handler's own behaviour, else report the request unmatched with its near misses;
 * failures are recorded and answered. Thread-safe.
 */
public final class Dispatcher {

    /** The parts of a handler that its subclasses may change, called while a request is served. */
    public interface Hooks {
        /** The request as its authenticated caller, or a refusal by throwing. */
        Request authenticate(Request request) throws Exception;

        /** The handler's own answer to a request that no rule took, or {@code null} for none. */
        Response serve(Request request) throws Exception;

        /** Whether {@link #serve} may block for a request, so that it must run on a thread that may. */
        boolean builtInMayBlock(Request request);

        /** The answer to a request that no rule took; its near-miss report is in the incidents by then. */
        Response renderUnmatched(Request request);

        /** The answer to a request whose serving failed. */
        Response renderError(Request request, Throwable error);

        /** The last bytes of a stream that failed after its headers went out. */
        byte[] renderStreamFailure(Throwable failure);

        /** Whether a server that serves the handler is closed, so that an exchange it interrupted is no error. */
        boolean serverClosed();
    }

    private final Hooks hooks;
    private final HandlerState state;
    private final Incidents incidents;
    private final int limit;
    private final boolean keepBodies;
    private final AtomicInteger served = new AtomicInteger();

    /**
     * A dispatcher over a handler's state that records into its incidents.
     *
     * @param limit      the most requests served, or a negative number for no limit
     * @param keepBodies whether logged requests keep their bodies once they have been served
     */
    public Dispatcher(Hooks hooks, HandlerState state, Incidents incidents, int limit, boolean keepBodies) {
        this.hooks = hooks;
        this.state = state;
        this.incidents = incidents;
        this.limit = limit;
        this.keepBodies = keepBodies;
    }

    /** Serves a request, on a thread that may block. */
    public Response handle(Request request) {
        return authenticatedDispatch(request, state.rules()::candidates);
    }

    /**
     * Serves a request at once when nothing on its way can block (see {@code Handler.handleWithoutBlocking}), else
     * answers {@code null}. The rules are taken once, so a rule declared meanwhile cannot slip in unchecked.
     */
    public Response handleWithoutBlocking(Request request) {
        if (hooks.builtInMayBlock(request)) {
            return null;
        }
        List<ReactionNode> candidates = new ArrayList<>(4);
        for (ReactionNode rule : state.rules().candidates(request)) {
            if (rule.mayBlock()) {
                return null;
            }
            candidates.add(rule);
        }
        return authenticatedDispatch(request, caller -> candidates);
    }

    /** Dispatches a request as its authenticated caller to the rules {@code candidates} gives for it; a refused one is logged and answered. */
    private Response authenticatedDispatch(Request request, Function<Request, Iterable<ReactionNode>> candidates) {
        Request caller;
        try {
            caller = hooks.authenticate(request);
        } catch (Exception refused) {
            state.requestLog().append(request);
            return served(request, hooks.renderError(request, refused));
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

    /** Serves an authenticated request: the rules in order, then the handler's own behaviour, else unmatched. */
    private Response dispatch(Request request, Iterable<ReactionNode> candidates) {
        long seq = state.requestLog().append(request);
        if (limit >= 0 && served.incrementAndGet() > limit) {
            IllegalStateException beyond =
                    new IllegalStateException("The request limit of " + limit + " is reached; refused: " + request);
            incidents.error(request, beyond);
            return hooks.renderError(request, beyond);
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
                        rule.respond(request, failure -> incidents.error(request, failure), hooks::renderStreamFailure);
                rule.runSinks(request);
                return response;
            } catch (NoSuchElementException depleted) {
                rule.deplete();
                state.rules().remove(rule);
            } catch (Exception | Error failure) {
                return failed(request, failure);
            }
        }
        try {
            Response builtIn = hooks.serve(request);
            if (builtIn != null) {
                return builtIn;
            }
        } catch (Exception | Error failure) {
            return failed(request, failure);
        }
        List<ReactionNode> all = new ArrayList<>(state.rules().all());
        all.addAll(state.rules().retired());
        incidents.unmatched(request, NearMisses.describe(request, all));
        return hooks.renderUnmatched(request);
    }

    /**
     * A failure while serving: recorded and answered with {@code renderError}; but an exchange cut short because
     * its server is closing (a {@code Duration} or a wait interrupted) is no server-side error.
     */
    private Response failed(Request request, Throwable failure) {
        boolean interrupted = failure instanceof InterruptedException
                || Thread.currentThread().isInterrupted();
        if (interrupted && hooks.serverClosed()) {
            Thread.currentThread().interrupt();
            return Response.of(503);
        }
        incidents.error(request, failure);
        return hooks.renderError(request, failure);
    }
}
