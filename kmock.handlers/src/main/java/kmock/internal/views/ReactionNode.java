package kmock.internal.views;

import java.util.ArrayList;
import java.util.List;
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
 * (or recorded, as a spy). Once a payload source is depleted it retires for good.
 */
public final class ReactionNode extends ViewNode implements Reaction {

    private final Responder responder;
    private final Sinks sinks = new Sinks();
    private final RequestLog served;
    private volatile boolean depleted;
    private long order = -1;
    private final boolean runsUserCode;

    ReactionNode(ViewNode declaredOn) {
        super(declaredOn);
        this.responder = new Responder(declaredOn.context.hub());
        this.served = declaredOn.context.newLog();
        this.runsUserCode = declaredOn.runsUserCode();
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

    /**
     * The dispatcher's index key, {@code "METHOD /path"} or {@code "* /path"}, when the rule requires a literal path
     * before anything that must not be skipped; {@code null} when the rule must be scanned.
     */
    public String indexKey() {
        List<Criterion> pure = new ArrayList<>();
        parent.pureCriteria(pure, new boolean[1]);
        String path = null;
        String method = null;
        for (Criterion criterion : pure) {
            path = path != null ? path : criterion.literalPath();
            method = method != null ? method : criterion.literalMethod();
        }
        return path == null ? null : (method == null ? "*" : method) + " " + path;
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
    public Response respond(Request request, Consumer<Throwable> errors, Function<Throwable, byte[]> lastLine) throws Exception {
        record(request);
        try {
            return responder.respond(request, errors, lastLine);
        } catch (java.util.NoSuchElementException depleted) {
            served.removeLast(request);
            throw depleted;
        }
    }

    /** Why this rule would not answer a request, one line per difference; empty when it would. */
    @Override
    public List<String> mismatches(Request request) {
        List<String> lines = new ArrayList<>(parent.mismatches(request));
        if (depleted) {
            lines.add("reply: spent (a payload source ran dry, so the rule retired)");
        }
        return lines;
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

    @Override
    List<Request> select(List<Request> log) {
        return requests();
    }

    @Override
    public List<Request> requests() {
        return served.snapshot();
    }

    @Override
    public String toString() {
        return parent + (isSpy() ? ".reply() [spy]" : ".reply(…)") + (depleted ? " [depleted]" : "");
    }
}
