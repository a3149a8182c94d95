package kmock.internal.views;

import java.util.ArrayList;
import java.util.List;

import kmock.api.Request;
import kmock.internal.criteria.Criterion;

/** The criteria of one {@code on(...)}: a request passes when it passes the parent and meets them all. */
final class FilterNode implements ViewNode {

    private final ViewNode parent;
    private final List<Criterion> criteria;
    /** The arguments of {@code on(...)} as the user wrote them, for rule descriptions in reports. */
    private final String declared;
    /**
     * Whether every criterion is pure. Only an impure one could answer differently when asked twice, so only then
     * is the decision remembered by sequence number: a pure filter is asked again instead, which spares every
     * request two lock acquisitions per node, shared by all serving threads.
     */
    private final boolean pure;

    private final LastDecision decided = new LastDecision();

    FilterNode(ViewNode parent, List<Criterion> criteria, String declared) {
        this.parent = parent;
        this.criteria = criteria;
        this.declared = declared;
        this.pure = criteria.stream().allMatch(Criterion::pure);
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
        if (pure) {
            return parent.admits(request, seq) && meetsAll(request);
        }
        return decided.of(seq, () -> parent.admits(request, seq) && meetsAll(request));
    }

    private boolean meetsAll(Request request) {
        for (Criterion criterion : criteria) {
            if (!criterion.test(request)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Request> select(List<Request> log) {
        return parent.select(log).stream().filter(this::meetsAll).toList();
    }

    @Override
    public Misses explain(Request request) {
        Misses misses = parent.explain(request);
        for (Criterion criterion : criteria) {
            if (criterion.pure()) {
                misses = misses.plusLines(criterion.mismatches(request));
            } else {
                misses = misses.plusUnknowable(
                        criterion.describe() + ": did not let it through (not re-run for this report)");
            }
        }
        return misses;
    }

    @Override
    public PurePrefix pureCriteria() {
        PurePrefix prefix = parent.pureCriteria();
        if (prefix.cut()) {
            return prefix;
        }
        List<Criterion> pure = new ArrayList<>(prefix.criteria());
        for (Criterion criterion : criteria) {
            if (!criterion.pure()) {
                return new PurePrefix(List.copyOf(pure), true);
            }
            pure.add(criterion);
        }
        return new PurePrefix(List.copyOf(pure), false);
    }

    @Override
    public boolean runsUserCode() {
        return !pure || parent.runsUserCode();
    }

    @Override
    public String toString() {
        return parent + ".on(" + declared + ")";
    }
}
