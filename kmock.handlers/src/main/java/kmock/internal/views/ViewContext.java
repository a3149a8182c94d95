package kmock.internal.views;

import java.util.List;

import kmock.api.Request;
import kmock.internal.streams.LiveHub;

/** What views need from their handler: its request log, its rule table, and its live-stream hub. */
public interface ViewContext {

    /** A snapshot of every request that arrived, in order. */
    List<Request> log();

    /** Registers a new reaction for dispatch. */
    void declare(ReactionNode reaction);

    /** The handler's feeding hub for live streams. */
    LiveHub hub();

    /** A new log for a reaction's requests, kept as the handler keeps its own. */
    RequestLog newLog();

    /** What the handler's rules name literally (resources, paths), recorded as views are made. */
    RuleNames names();
}
