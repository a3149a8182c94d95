package kmock.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

import kmock.api.Request;
import kmock.api.Response;
import kmock.handlers.Reaction;
import kmock.internal.criteria.Criterion;
import kmock.internal.payloads.Responder;
import kmock.internal.sinks.Sinks;

/**
 * A declared rule: the view it was declared on, its payloads and sinks, and the log of the requests it answered
 * (or recorded, as a spy). It takes what its view admits, at its view's priority. Once a payload source is
 * depleted it retires for good.
 */
public final class ReactionNode implements ViewNode, Reaction {

    private final ViewNode declaredOn;
    private final Responder responder;
    private final Sinks sinks = new Sinks();
    private final RequestLog served;
    private volatile boolean depleted;
    private volatile long order = -1;
    private final boolean runsUserCode;

    ReactionNode(ViewNode declaredOn) {
        this.declaredOn = declaredOn;
        this.responder = new Responder(declaredOn.context().hub());
        this.served = declaredOn.context().newLog();
        this.runsUserCode = declaredOn.runsUserCode();
    }

    @Override
    public ViewContext context() {
        return declaredOn.context();
    }

    @Override
    public Priority priorityTuple() {
        return declaredOn.priorityTuple();
    }

    @Override
    public boolean runsUserCode() {
        return runsUserCode;
    }

    /**
     * Whether serving a request with this rule may block: its criteria run user code, its payloads wait, or it
     * has sinks (the user's collections, queues, callbacks). Such rules are served on threads that may block.
     */
    public boolean mayBlock() {
        return runsUserCode || !sinks.isEmpty() || responder.mayBlock();
    }

    /** The declaration order, set once by the rule table: ties of priority go to the first declared. */
    public long order() {
        return order;
    }

    /** Called once by the rule table. */
    public void order(long order) {
        this.order = order;
    }

    /** Whether it records without answering. */
    public boolean isSpy() {
        return responder.isEmpty();
    }

    /** Whether a payload source ran dry: the rule no longer serves. */
    public boolean isDepleted() {
        return depleted;
    }

    /** Retires the rule. */
    public void deplete() {
        depleted = true;
    }

    // ---- dispatch -------------------------------------------------------------------------------------------

    @Override
    public boolean admits(Request request, long seq) {
        return declaredOn.admits(request, seq);
    }

    /**
     * The dispatcher's index key, {@code "METHOD /path"} or {@code "* /path"}, when the rule requires a literal path
     * before anything that must not be skipped; {@code null} when the rule must be scanned.
     */
    public String indexKey() {
        String path = null;
        String method = null;
        for (Criterion criterion : declaredOn.pureCriteria().criteria()) {
            path = path != null ? path : criterion.literalPath();
            method = method != null ? method : criterion.literalMethod();
        }
        return path == null ? null : (method == null ? "*" : method) + " " + path;
    }

    @Override
    public PurePrefix pureCriteria() {
        return declaredOn.pureCriteria();
    }

    /**
     * Records the request and renders the response, so that the log shows the request while a delayed or streamed
     * reply is still being served; a depleted payload takes the request back out (the next rule serves it). See
     * {@link Responder#respond}.
     */
    public Response respond(Request request, Consumer<Throwable> errors) throws Exception {
        return respond(request, errors, Responder::failureLine);
    }

    /** As {@link #respond(Request, Consumer)}, ending a stream that fails after its headers with {@code lastLine}'s line. */
    public Response respond(Request request, Consumer<Throwable> errors, Function<Throwable, byte[]> lastLine)
            throws Exception {
        record(request);
        try {
            return responder.respond(request, errors, lastLine);
        } catch (NoSuchElementException depletedSource) {
            served.removeLast(request);
            throw depletedSource;
        }
    }

    /** Records a request in this rule's log (answered or spied). */
    public void record(Request request) {
        served.append(request);
    }

    /** Runs the side effects for a matched request. */
    public void runSinks(Request request) throws Exception {
        if (!sinks.isEmpty()) {
            sinks.accept(request);
        }
    }

    // ---- near misses ----------------------------------------------------------------------------------------

    @Override
    public Misses explain(Request request) {
        return declaredOn.explain(request);
    }

    /** Why this rule would not answer a request, one line per difference; empty when it would. */
    @Override
    public List<String> mismatches(Request request) {
        List<String> lines = new ArrayList<>(declaredOn.mismatches(request));
        if (depleted) {
            lines.add("reply: spent (a payload source ran dry, so the rule retired)");
        }
        return lines;
    }

    // ---- the Reaction API -----------------------------------------------------------------------------------

    @Override
    public Reaction reply(Object... payloads) {
        responder.add(payloads);
        return this;
    }

    @Override
    public Reaction sink(Object... more) {
        sinks.add(more);
        return this;
    }

    @Override
    public void feed(Object... items) {
        responder.feed(items);
    }

    /** Its log is the requests it served, whatever the log given. */
    @Override
    public List<Request> select(List<Request> log) {
        return requests();
    }

    @Override
    public List<Request> requests() {
        return served.snapshot();
    }

    @Override
    public String toString() {
        return declaredOn + (isSpy() ? ".reply() [spy]" : ".reply(…)") + (depleted ? " [depleted]" : "");
    }
}
