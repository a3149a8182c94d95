package kmock.internal.views;

import java.util.List;

import kmock.api.Request;

/** {@code priority(n)}, {@code fallback()}, {@code override()}: the parent's requests, one priority level deeper. */
final class PriorityNode implements ViewNode {

    private final ViewNode parent;
    private final Priority priority;

    PriorityNode(ViewNode parent, long level) {
        this.parent = parent;
        this.priority = parent.priorityTuple().then(level);
    }

    @Override
    public ViewContext context() {
        return parent.context();
    }

    @Override
    public Priority priorityTuple() {
        return priority;
    }

    @Override
    public boolean admits(Request request, long seq) {
        return parent.admits(request, seq);
    }

    @Override
    public List<Request> select(List<Request> log) {
        return parent.select(log);
    }

    @Override
    public Misses explain(Request request) {
        return parent.explain(request);
    }

    @Override
    public PurePrefix pureCriteria() {
        return parent.pureCriteria();
    }

    @Override
    public boolean runsUserCode() {
        return parent.runsUserCode();
    }

    @Override
    public String toString() {
        return parent + ".priority" + priority;
    }
}
