package kmock.internal.dispatch;

import java.util.List;

import kmock.api.Request;
import kmock.internal.streams.LiveHub;
import kmock.internal.views.ReactionNode;
import kmock.internal.views.RequestLog;
import kmock.internal.views.RuleNames;
import kmock.internal.views.ViewContext;

/**
 * What a handler's views and its dispatch share: the log of every request, the declared rules, the live-stream hub
 * and the names the rules mention. It is the context of the handler's root view. Thread-safe, as each part is.
 */
public final class HandlerState implements ViewContext {

    private final int keepRequests;
    private final RequestLog log;
    private final RuleTable rules;
    private final LiveHub hub = new LiveHub();
    private final RuleNames names = new RuleNames();

    /** An empty state whose logs keep the latest {@code keepRequests} requests, its rules indexed or scanned. */
    public HandlerState(int keepRequests, boolean indexing) {
        this.keepRequests = keepRequests;
        this.log = new RequestLog(keepRequests);
        this.rules = new RuleTable(indexing);
    }

    /** The handler's own log: every request that arrived, unmatched and refused ones included. */
    public RequestLog requestLog() {
        return log;
    }

    /** The declared rules in serving order. */
    public RuleTable rules() {
        return rules;
    }

    @Override
    public List<Request> log() {
        return log.snapshot();
    }

    @Override
    public void declare(ReactionNode reaction) {
        rules.add(reaction);
    }

    @Override
    public LiveHub hub() {
        return hub;
    }

    @Override
    public RequestLog newLog() {
        return new RequestLog(keepRequests);
    }

    @Override
    public RuleNames names() {
        return names;
    }
}
