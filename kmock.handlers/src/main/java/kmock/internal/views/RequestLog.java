package kmock.internal.views;

import java.util.ArrayDeque;
import java.util.List;

import kmock.api.Request;

/**
 * An append-only, thread-safe log of requests: appending is O(1); snapshots are for assertions. A bounded log
 * keeps only the latest requests, for long runs; sequence numbers still count every request.
 */
public final class RequestLog {

    private final int capacity;
    private final ArrayDeque<Request> requests = new ArrayDeque<>();
    private long appended;

    /** A log that keeps every request. */
    public RequestLog() {
        this(Integer.MAX_VALUE);
    }

    /** A log that keeps the latest {@code capacity} requests. */
    public RequestLog(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("A request log keeps 0 or more requests, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends and returns the request's sequence number (0 for the first). */
    public synchronized long append(Request request) {
        if (capacity > 0) {
            if (requests.size() == capacity) {
                requests.removeFirst();
            }
            requests.addLast(request);
        }
        return appended++;
    }

    /** Takes the newest occurrence of a request back out (a depleted reply lets the next rule serve it). */
    public synchronized void removeLast(Request request) {
        requests.removeLastOccurrence(request);
    }

    /** A copy of the log. */
    public synchronized List<Request> snapshot() {
        return List.copyOf(requests);
    }

    /** How many requests the log holds. */
    public synchronized int size() {
        return requests.size();
    }
}
