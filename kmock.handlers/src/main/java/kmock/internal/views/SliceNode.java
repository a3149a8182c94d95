package kmock.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import kmock.api.Request;

/**
 * {@code slice(from, to, step)}, {@code first(n)}, {@code skip(n)}: counts the requests that reach it (not the
 * handler's), so a slice on {@code get /} serves the first GETs of {@code /} that got that far.
 */
final class SliceNode implements ViewNode {

    /**
     * The positions a slice takes: {@code from} inclusive, {@code to} exclusive, every {@code step}-th.
     *
     * @param from the first position taken
     * @param to   the first position no longer taken
     * @param step the distance between positions taken
     */
    record Range(int from, int to, int step) {

        Range {
            if (from < 0 || to < from || step < 1) {
                throw new IllegalArgumentException("A slice needs 0 <= from <= to and step >= 1, got slice(" + from
                        + ", " + to + ", " + step + ")");
            }
        }

        boolean contains(long position) {
            return position >= from && position < to && (position - from) % step == 0;
        }

        @Override
        public String toString() {
            return "slice(" + from + ", " + to + ", " + step + ")";
        }
    }

    private final ViewNode parent;
    private final Range range;
    /** How many requests reached this slice during dispatch. */
    private final AtomicLong reached = new AtomicLong();

    private final LastDecision decided = new LastDecision();

    SliceNode(ViewNode parent, Range range) {
        this.parent = parent;
        this.range = range;
    }

    @Override
    public ViewContext context() {
        return parent.context();
    }

    @Override
    public Priority priorityTuple() {
        return parent.priorityTuple();
    }

    @Override
    public boolean admits(Request request, long seq) {
        return decided.of(seq, () -> parent.admits(request, seq) && range.contains(reached.getAndIncrement()));
    }

    @Override
    public List<Request> select(List<Request> log) {
        List<Request> above = parent.select(log);
        List<Request> sliced = new ArrayList<>();
        for (int i = 0; i < above.size(); i++) {
            if (range.contains(i)) {
                sliced.add(above.get(i));
            }
        }
        return sliced;
    }

    @Override
    public Misses explain(Request request) {
        return parent.explain(request)
                .plusUnknowable(
                        range + ": takes only some of the requests that reach it; " + reached.get() + " did so far");
    }

    @Override
    public PurePrefix pureCriteria() {
        return parent.pureCriteria().cutHere();
    }

    @Override
    public boolean runsUserCode() {
        return parent.runsUserCode();
    }

    @Override
    public String toString() {
        return parent + "." + range;
    }
}
