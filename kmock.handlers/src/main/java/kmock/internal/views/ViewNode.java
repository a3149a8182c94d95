package kmock.internal.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import kmock.api.Request;
import kmock.handlers.Reaction;
import kmock.handlers.View;
import kmock.internal.criteria.CriteriaParser;
import kmock.internal.criteria.Criterion;

/**
 * One node of a handler's chain of views, one class per kind: the {@link RootNode root} (every request), a
 * {@link FilterNode filter} of criteria, a {@link SliceNode slice}, a {@link PriorityNode priority level}, a
 * {@link CombinedNode combination} of two views, and a declared rule, {@link ReactionNode}. The DSL methods of
 * {@link View} are shared here; each kind answers the three questions a node is asked:
 * <ul>
 *   <li>{@link #admits}: during dispatch, does a request reach and pass it? A slice counts each request that
 *       reaches it once, so a node decides each request once (by its sequence number);</li>
 *   <li>{@link #select}: for assertions, which requests of a log does the view hold?</li>
 *   <li>{@link #explain}: for near-miss reports, why would it not take a request?</li>
 * </ul>
 */
public sealed interface ViewNode extends View
        permits RootNode, FilterNode, SliceNode, PriorityNode, CombinedNode, ReactionNode {

    /** The root of a handler: every request. */
    static ViewNode root(ViewContext context) {
        return new RootNode(context);
    }

    /** The handler this node belongs to. */
    ViewContext context();

    /** The priority tuple of rules declared on this view. */
    Priority priorityTuple();

    /** Whether a request reaches and passes this node; decided at most once per request (by sequence number). */
    boolean admits(Request request, long seq);

    /** The requests of a log that this view selects, in order. */
    List<Request> select(List<Request> log);

    /** Why this node would not take a request, changing nothing (slice counters included). */
    Misses explain(Request request);

    /**
     * The criteria a request meets on the way from the root to this node, as far as they may be skipped: the walk
     * stops at the first slice, combination or impure criterion. The dispatcher's index uses their literals.
     */
    PurePrefix pureCriteria();

    /**
     * Whether deciding on a request may run the user's code (a predicate, a future or latch check): such a chain is
     * never walked on a transport's I/O thread.
     */
    boolean runsUserCode();

    /**
     * Why this view would not take a request, one line per difference ({@code path: expected /a, got /b}); empty
     * when it would. Runs pure criteria only: when only slices or impure criteria (predicates, futures, latches)
     * can explain a miss, they are named instead.
     */
    default List<String> mismatches(Request request) {
        Misses misses = explain(request);
        return misses.lines().isEmpty() ? misses.unknowable() : misses.lines();
    }

    /**
     * How a request misses a node.
     *
     * @param lines      the differences found by running pure criteria
     * @param unknowable what might explain the miss without being re-run: impure criteria, slices
     */
    record Misses(List<String> lines, List<String> unknowable) {

        /** No difference. */
        static final Misses NONE = new Misses(List.of(), List.of());

        /** These misses and some more differences. */
        Misses plusLines(List<String> more) {
            return more.isEmpty() ? this : new Misses(concat(lines, more), unknowable);
        }

        /** These misses and one more that cannot be known without re-running. */
        Misses plusUnknowable(String more) {
            return new Misses(lines, concat(unknowable, List.of(more)));
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }

    /**
     * The skippable criteria from the root to a node.
     *
     * @param criteria the pure criteria, in order from the root
     * @param cut      whether the walk stopped at something that must run (a slice, a combination, an impure criterion)
     */
    record PurePrefix(List<Criterion> criteria, boolean cut) {

        /** Nothing yet, and nothing in the way. */
        static final PurePrefix EMPTY = new PurePrefix(List.of(), false);

        /** This prefix ended by something that must run. */
        PurePrefix cutHere() {
            return new PurePrefix(criteria, true);
        }
    }

    // ---- the View API, shared by every kind -----------------------------------------------------------------

    @Override
    default View on(Object... criteria) {
        if (criteria.length == 0) {
            return this;
        }
        List<Criterion> parsed = new ArrayList<>();
        for (Object criterion : criteria) {
            parsed.addAll(CriteriaParser.parse(criterion));
        }
        context().names().add(parsed);
        String written = Arrays.stream(criteria).map(Declared::render).collect(Collectors.joining(", "));
        return new FilterNode(this, List.copyOf(parsed), written);
    }

    @Override
    default Reaction reply(Object... payloads) {
        ReactionNode reaction = new ReactionNode(this);
        reaction.reply(payloads);
        context().declare(reaction);
        return reaction;
    }

    @Override
    default Reaction sink(Object... sinks) {
        ReactionNode reaction = new ReactionNode(this);
        reaction.sink(sinks);
        context().declare(reaction);
        return reaction;
    }

    @Override
    default View priority(int level) {
        return new PriorityNode(this, level);
    }

    @Override
    default View fallback() {
        return new PriorityNode(this, Priority.FALLBACK);
    }

    @Override
    default View override() {
        return new PriorityNode(this, Priority.OVERRIDE);
    }

    @Override
    default View slice(int from, int to, int step) {
        return new SliceNode(this, new SliceNode.Range(from, to, step));
    }

    @Override
    default View or(View other) {
        return new CombinedNode(CombinedNode.Operator.OR, this, sameHandler(other));
    }

    @Override
    default View and(View other) {
        return new CombinedNode(CombinedNode.Operator.AND, this, sameHandler(other));
    }

    @Override
    default View except(View other) {
        return new CombinedNode(CombinedNode.Operator.EXCEPT, this, sameHandler(other));
    }

    private ViewNode sameHandler(View other) {
        if (!(other instanceof ViewNode node) || node.context() != context()) {
            throw new IllegalArgumentException("Views combine only with views of the same handler");
        }
        return node;
    }

    @Override
    default List<Request> requests() {
        return select(context().log());
    }

    @Override
    default int size() {
        return requests().size();
    }

    @Override
    default boolean contains(Object criterion) {
        List<Criterion> parsed = CriteriaParser.parse(criterion);
        return requests().stream().anyMatch(r -> parsed.stream().allMatch(c -> c.test(r)));
    }
}
