package kmock.internal.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import kmock.api.Request;
import kmock.handlers.Reaction;
import kmock.handlers.View;
import kmock.internal.criteria.CriteriaParser;
import kmock.internal.criteria.Criterion;

/**
 * One node of a chain of views: a filter of criteria, a slice, a priority level, or a combination of two views.
 * Two readings: {@link #select} filters a log for assertions (the view's requests), and {@link #admits} decides
 * during dispatch, where a slice counts each request that reaches it once.
 */
public class ViewNode implements View {

    /** What a node adds to its parent. */
    enum Kind { ROOT, FILTER, SLICE, PRIORITY, OR, AND, EXCEPT }

    final ViewContext context;
    final ViewNode parent;
    private final Kind kind;
    private final List<Criterion> criteria;
    /** The arguments of {@code on(...)} as the user wrote them, for rule descriptions in reports. */
    private final String declared;
    private final int[] slice;
    private final Priority priority;
    private final ViewNode left;
    private final ViewNode right;
    /**
     * Whether the answer for a request is remembered by sequence number: only where asking twice could answer
     * differently (a slice counts, an impure criterion changes). Pure filters and priorities are asked again instead,
     * which spares every request two lock acquisitions per node, shared by all serving threads.
     */
    private final boolean memoized;
    private long lastSeq = -1;
    private boolean lastResult;
    private long reached;

    private ViewNode(ViewContext context, ViewNode parent, Kind kind, List<Criterion> criteria, int[] slice,
                     Priority priority, ViewNode left, ViewNode right) {
        this(context, parent, kind, criteria, null, slice, priority, left, right);
    }

    private ViewNode(ViewContext context, ViewNode parent, Kind kind, List<Criterion> criteria, String declared, int[] slice,
                     Priority priority, ViewNode left, ViewNode right) {
        this.context = context;
        this.parent = parent;
        this.kind = kind;
        this.criteria = criteria;
        this.declared = declared;
        this.slice = slice;
        this.priority = priority;
        this.left = left;
        this.right = right;
        this.memoized = kind == Kind.SLICE || kind == Kind.OR || kind == Kind.AND || kind == Kind.EXCEPT
                || criteria != null && criteria.stream().anyMatch(criterion -> !criterion.pure());
    }

    /** A reaction's node: it passes what its parent view passes. */
    ViewNode(ViewNode parent) {
        this(parent.context, parent, Kind.PRIORITY, List.of(), null, parent.priority, null, null);
    }

    /** The root of a handler: every request. */
    public static ViewNode root(ViewContext context) {
        return new ViewNode(context, null, Kind.ROOT, List.of(), null, Priority.NONE, null, null);
    }

    /** The priority tuple of rules declared on this view. */
    public Priority priorityTuple() {
        return priority;
    }

    // ---- dispatch -------------------------------------------------------------------------------------------

    /** Whether a request reaches and passes this node; evaluated at most once per request (by sequence number). */
    public boolean admits(Request request, long seq) {
        if (!memoized) {
            return kind == Kind.ROOT || (parent == null || parent.admits(request, seq)) && passes(request);
        }
        synchronized (this) {
            if (seq == lastSeq) {
                return lastResult;
            }
        }
        boolean result;
        switch (kind) {
            case OR -> {
                boolean a = left.admits(request, seq);
                boolean b = right.admits(request, seq);
                result = a || b;
            }
            case AND -> {
                boolean a = left.admits(request, seq);
                boolean b = right.admits(request, seq);
                result = a && b;
            }
            case EXCEPT -> {
                boolean a = left.admits(request, seq);
                boolean b = right.admits(request, seq);
                result = a && !b;
            }
            default -> result = (parent == null || parent.admits(request, seq)) && passes(request);
        }
        synchronized (this) {
            if (seq != lastSeq) {
                lastSeq = seq;
                lastResult = result;
            }
            return lastResult;
        }
    }

    private boolean passes(Request request) {
        switch (kind) {
            case FILTER:
                for (Criterion criterion : criteria) {
                    if (!criterion.test(request)) {
                        return false;
                    }
                }
                return true;
            case SLICE:
                long position;
                synchronized (this) {
                    position = reached++;
                }
                return inSlice(position);
            default:
                return true;
        }
    }

    private boolean inSlice(long position) {
        return position >= slice[0] && position < slice[1] && (position - slice[0]) % slice[2] == 0;
    }

    /**
     * The criteria a request meets on the way from the root to this node, as far as they may be skipped: the
     * walk stops at the first slice, combination or impure criterion. The dispatcher's index uses their literals.
     */
    void pureCriteria(List<Criterion> into, boolean[] stopped) {
        if (parent != null) {
            parent.pureCriteria(into, stopped);
        }
        if (stopped[0]) {
            return;
        }
        switch (kind) {
            case FILTER -> {
                for (Criterion criterion : criteria) {
                    if (!criterion.pure()) {
                        stopped[0] = true;
                        return;
                    }
                    into.add(criterion);
                }
            }
            case SLICE, OR, AND, EXCEPT -> stopped[0] = true;
            default -> { }
        }
    }

    /**
     * Whether deciding on a request may run the user's code (a predicate, a future or latch check): such a chain is
     * never walked on a transport's I/O thread.
     */
    boolean runsUserCode() {
        if (left != null && (left.runsUserCode() || right.runsUserCode())) {
            return true;
        }
        if (criteria != null) {
            for (Criterion criterion : criteria) {
                if (!criterion.pure()) {
                    return true;
                }
            }
        }
        return parent != null && parent.runsUserCode();
    }

    // ---- near misses ----------------------------------------------------------------------------------------

    /**
     * Why this view would not take a request, one line per difference ({@code path: expected /a, got /b}); empty
     * when it would. Runs pure criteria only and changes nothing (slice counters included): when only slices or
     * impure criteria (predicates, futures, latches) can explain a miss, they are named instead.
     */
    public List<String> mismatches(Request request) {
        List<String> lines = new ArrayList<>();
        List<String> unknowable = new ArrayList<>();
        explain(request, lines, unknowable);
        return lines.isEmpty() ? unknowable : lines;
    }

    private void explain(Request request, List<String> lines, List<String> unknowable) {
        switch (kind) {
            case OR -> {
                List<String> a = left.mismatches(request);
                List<String> b = right.mismatches(request);
                lines.addAll(a.isEmpty() || b.isEmpty() ? List.of() : a.size() <= b.size() ? a : b);
                return;
            }
            case AND -> {
                lines.addAll(left.mismatches(request));
                lines.addAll(right.mismatches(request));
                return;
            }
            case EXCEPT -> {
                List<String> a = left.mismatches(request);
                lines.addAll(a);
                if (a.isEmpty() && right.mismatches(request).isEmpty()) {
                    lines.add("except " + right + ": it matches that view too");
                }
                return;
            }
            default -> {
            }
        }
        if (parent != null) {
            parent.explain(request, lines, unknowable);
        }
        if (kind == Kind.FILTER) {
            for (Criterion criterion : criteria) {
                if (criterion.pure()) {
                    lines.addAll(criterion.mismatches(request));
                } else {
                    unknowable.add(criterion.describe() + ": did not let it through (not re-run for this report)");
                }
            }
        } else if (kind == Kind.SLICE) {
            long count;
            synchronized (this) {
                count = reached;
            }
            unknowable.add(sliceText() + ": takes only some of the requests that reach it; " + count + " did so far");
        }
    }

    private String sliceText() {
        return "slice(" + Arrays.stream(slice).mapToObj(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    // ---- assertions -----------------------------------------------------------------------------------------

    /** The requests of a log that this view selects, in order. */
    List<Request> select(List<Request> log) {
        switch (kind) {
            case ROOT:
                return log;
            case OR:
            case AND:
            case EXCEPT: {
                Set<Request> a = identitySet(left.select(log));
                Set<Request> b = identitySet(right.select(log));
                return log.stream().filter(r -> kind == Kind.OR ? a.contains(r) || b.contains(r)
                        : kind == Kind.AND ? a.contains(r) && b.contains(r) : a.contains(r) && !b.contains(r)).toList();
            }
            default:
                break;
        }
        List<Request> above = parent.select(log);
        if (kind == Kind.FILTER) {
            return above.stream().filter(r -> criteria.stream().allMatch(c -> c.test(r))).toList();
        }
        if (kind == Kind.SLICE) {
            List<Request> sliced = new ArrayList<>();
            for (int i = 0; i < above.size(); i++) {
                if (inSlice(i)) {
                    sliced.add(above.get(i));
                }
            }
            return sliced;
        }
        return above;
    }

    private static Set<Request> identitySet(List<Request> requests) {
        Set<Request> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(requests);
        return set;
    }

    // ---- the View API ---------------------------------------------------------------------------------------

    @Override
    public View on(Object... criteria) {
        if (criteria.length == 0) {
            return this;
        }
        List<Criterion> parsed = new ArrayList<>();
        for (Object criterion : criteria) {
            parsed.addAll(CriteriaParser.parse(criterion));
        }
        context.names().add(parsed);
        String written = Arrays.stream(criteria).map(Declared::render).collect(Collectors.joining(", "));
        return new ViewNode(context, this, Kind.FILTER, List.copyOf(parsed), written, null, priority, null, null);
    }

    @Override
    public Reaction reply(Object... payloads) {
        ReactionNode reaction = new ReactionNode(this);
        reaction.reply(payloads);
        context.declare(reaction);
        return reaction;
    }

    @Override
    public Reaction sink(Object... sinks) {
        ReactionNode reaction = new ReactionNode(this);
        reaction.sink(sinks);
        context.declare(reaction);
        return reaction;
    }

    @Override
    public View priority(int level) {
        return withLevel(level);
    }

    @Override
    public View fallback() {
        return withLevel(Priority.FALLBACK);
    }

    @Override
    public View override() {
        return withLevel(Priority.OVERRIDE);
    }

    private View withLevel(long level) {
        return new ViewNode(context, this, Kind.PRIORITY, List.of(), null, priority.then(level), null, null);
    }

    @Override
    public View slice(int from, int to) {
        return slice(from, to, 1);
    }

    @Override
    public View slice(int from, int to, int step) {
        if (from < 0 || to < from || step < 1) {
            throw new IllegalArgumentException("A slice needs 0 <= from <= to and step >= 1, got slice(" + from + ", " + to + ", " + step + ")");
        }
        return new ViewNode(context, this, Kind.SLICE, List.of(), new int[] {from, to, step}, priority, null, null);
    }

    @Override
    public View first(int n) {
        return slice(0, n);
    }

    @Override
    public View skip(int n) {
        return slice(n, Integer.MAX_VALUE);
    }

    @Override
    public View or(View other) {
        return combine(Kind.OR, other);
    }

    @Override
    public View and(View other) {
        return combine(Kind.AND, other);
    }

    @Override
    public View except(View other) {
        return combine(Kind.EXCEPT, other);
    }

    private View combine(Kind op, View other) {
        if (!(other instanceof ViewNode node) || node.context != context) {
            throw new IllegalArgumentException("Views combine only with views of the same handler");
        }
        return new ViewNode(context, null, op, List.of(), null, priority, this, node);
    }

    @Override
    public List<Request> requests() {
        return select(context.log());
    }

    @Override
    public int size() {
        return requests().size();
    }

    @Override
    public boolean isEmpty() {
        return requests().isEmpty();
    }

    @Override
    public Request get(int index) {
        List<Request> requests = requests();
        int at = index < 0 ? requests.size() + index : index;
        if (at < 0 || at >= requests.size()) {
            throw new IndexOutOfBoundsException("index " + index + " of a view with " + requests.size() + " requests");
        }
        return requests.get(at);
    }

    @Override
    public boolean contains(Object criterion) {
        List<Criterion> parsed = CriteriaParser.parse(criterion);
        return requests().stream().anyMatch(r -> parsed.stream().allMatch(c -> c.test(r)));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ROOT -> "kmock";
            case FILTER -> parent + ".on(" + declared + ")";
            case SLICE -> parent + "." + sliceText();
            case PRIORITY -> parent + (parent != null && parent.priority == priority ? "" : ".priority" + priority);
            case OR -> "(" + left + " or " + right + ")";
            case AND -> "(" + left + " and " + right + ")";
            case EXCEPT -> "(" + left + " except " + right + ")";
        };
    }
}
