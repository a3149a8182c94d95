package kmock.internal.views;

import java.util.List;

import kmock.api.Request;

/** The root view of a handler: every request, the plain priority, nothing to explain. */
final class RootNode implements ViewNode {

    private final ViewContext context;

    RootNode(ViewContext context) {
        this.context = context;
    }

    @Override
    public ViewContext context() {
        return context;
    }

    @Override
    public Priority priorityTuple() {
        return Priority.NONE;
    }

    @Override
    public boolean admits(Request request, long seq) {
        return true;
    }

    @Override
    public List<Request> select(List<Request> log) {
        return log;
    }

    @Override
    public Misses explain(Request request) {
        return Misses.NONE;
    }

    @Override
    public PurePrefix pureCriteria() {
        return PurePrefix.EMPTY;
    }

    @Override
    public boolean runsUserCode() {
        return false;
    }

    @Override
    public String toString() {
        return "kmock";
    }
}
