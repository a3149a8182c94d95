package kmock.internal.views;

import java.util.ArrayList;
import java.util.List;

import kmock.api.Request;

/** An append-only, thread-safe log of requests: appending is O(1); snapshots are for assertions. */
public final class RequestLog {

    private final List<Request> requests = new ArrayList<>();

    /** Appends and returns the request's sequence number (0 for the first). */
    public synchronized long append(Request request) {
        requests.add(request);
        return requests.size() - 1L;
    }

    /** A copy of the log. */
    public synchronized List<Request> snapshot() {
        return List.copyOf(requests);
    }

    /** How many requests were logged. */
    public synchronized int size() {
        return requests.size();
    }
}
