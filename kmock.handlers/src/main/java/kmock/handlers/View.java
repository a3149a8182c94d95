package kmock.handlers;

import java.util.Iterator;
import java.util.List;

import kmock.api.Request;

/**
 * A live, read-only, ordered log of the requests that match some criteria, and the place to declare what to do
 * with them: {@code kmock.on("get /api/v1/pods").reply(200, podList)}.
 *
 * <p>{@link #requests()} lists, in arrival order, every request of the handler's log that the view's criteria and
 * slices select. When serving, the highest-priority matching rule answers (ties: the first declared), and a
 * slice counts the requests that reached it. Views are thread-safe. Not meant to be implemented by users.
 *
 * @since 0.1
 */
public interface View extends Iterable<Request> {

    /** A narrower view: these criteria ANDed with this view's (see {@link Criteria} for what a criterion can be). */
    View on(Object... criteria);

    /**
     * Declares a response for the requests of this view and returns its {@link Reaction}; each payload adds to
     * the one response (status, headers, body, streams: see {@code Payload}). With no payloads it is a spy: it
     * records requests and lets matching continue.
     */
    Reaction reply(Object... payloads);

    /** Declares side effects for the matched requests (collections, maps, queues, futures, latches, consumers, streams, paths); never alters the response. */
    Reaction sink(Object... sinks);

    /** The same view with a priority level appended: higher wins; levels compare as tuples, missing levels as 0. */
    View priority(int priority);

    /** The same view at the lowest priority level (below every plain rule). */
    View fallback();

    /** The same view at the highest priority level (above every plain rule). */
    View override();

    /** The requests number {@code from} (inclusive) to {@code to} (exclusive) that reach this point. */
    default View slice(int from, int to) {
        return slice(from, to, 1);
    }

    /** Every {@code step}-th request from {@code from} (inclusive) to {@code to} (exclusive) that reaches this point. */
    View slice(int from, int to, int step);

    /** The first {@code n} requests that reach this point. */
    default View first(int n) {
        return slice(0, n);
    }

    /** All but the first {@code n} requests that reach this point. */
    default View skip(int n) {
        return slice(n, Integer.MAX_VALUE);
    }

    /** Requests of this view or the other. */
    View or(View other);

    /** Requests of both views. */
    View and(View other);

    /** Requests of this view that are not in the other. */
    View except(View other);

    /** A snapshot of the matched requests, in arrival order. */
    List<Request> requests();

    /**
     * How many requests matched so far. A request counts from the moment it is matched: for a view, once it has
     * arrived; for a {@link Reaction}, once the reaction has taken it, while a delayed or streamed reply may still
     * be on its way.
     */
    int size();

    /** Whether no request matched so far. */
    default boolean isEmpty() {
        return size() == 0;
    }

    /** The matched request at an index; negative indexes count from the end. @throws IndexOutOfBoundsException */
    default Request get(int index) {
        List<Request> requests = requests();
        int at = index < 0 ? requests.size() + index : index;
        if (at < 0 || at >= requests.size()) {
            throw new IndexOutOfBoundsException("index " + index + " of a view with " + requests.size() + " requests");
        }
        return requests.get(at);
    }

    /** Whether any matched request also matches a criterion (anything {@link #on} accepts). */
    boolean contains(Object criterion);

    /** Iterates over a snapshot of the matched requests. */
    @Override
    default Iterator<Request> iterator() {
        return requests().iterator();
    }
}
