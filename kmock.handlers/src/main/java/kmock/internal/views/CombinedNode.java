package kmock.internal.views;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import kmock.api.Request;

/**
 * {@code a.or(b)}, {@code a.and(b)}, {@code a.except(b)}: both views decide every request (so that both count it
 * in their slices), then the operator combines their answers. Rules declared on it take {@code a}'s priority.
 */
final class CombinedNode implements ViewNode {

    /** How the two answers combine. */
    enum Operator {
        OR,
        AND,
        EXCEPT;

        boolean apply(boolean left, boolean right) {
            return switch (this) {
                case OR -> left || right;
                case AND -> left && right;
                case EXCEPT -> left && !right;
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Operator operator;
    private final ViewNode left;
    private final ViewNode right;
    private final LastDecision decided = new LastDecision();

    CombinedNode(Operator operator, ViewNode left, ViewNode right) {
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    @Override
    public ViewContext context() {
        return left.context();
    }

    @Override
    public Priority priorityTuple() {
        return left.priorityTuple();
    }

    @Override
    public boolean admits(Request request, long seq) {
        return decided.of(seq, () -> {
            boolean a = left.admits(request, seq);
            boolean b = right.admits(request, seq);
            return operator.apply(a, b);
        });
    }

    @Override
    public List<Request> select(List<Request> log) {
        Set<Request> a = identitySet(left.select(log));
        Set<Request> b = identitySet(right.select(log));
        return log.stream()
                .filter(r -> operator.apply(a.contains(r), b.contains(r)))
                .toList();
    }

    private static Set<Request> identitySet(List<Request> requests) {
        Set<Request> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(requests);
        return set;
    }

    /** The resolved misses of the operands: of the closer one for {@code or}, both for {@code and}. */
    @Override
    public Misses explain(Request request) {
        List<String> a = left.mismatches(request);
        List<String> lines =
                switch (operator) {
                    case OR -> {
                        List<String> b = right.mismatches(request);
                        yield a.isEmpty() || b.isEmpty() ? List.of() : a.size() <= b.size() ? a : b;
                    }
                    case AND -> {
                        List<String> both = new ArrayList<>(a);
                        both.addAll(right.mismatches(request));
                        yield both;
                    }
                    case EXCEPT ->
                        a.isEmpty() && right.mismatches(request).isEmpty()
                                ? List.of("except " + right + ": it matches that view too")
                                : a;
                };
        return Misses.NONE.plusLines(lines);
    }

    @Override
    public PurePrefix pureCriteria() {
        return PurePrefix.EMPTY.cutHere();
    }

    @Override
    public boolean runsUserCode() {
        return left.runsUserCode() || right.runsUserCode();
    }

    @Override
    public String toString() {
        return "(" + left + " " + operator + " " + right + ")";
    }
}
