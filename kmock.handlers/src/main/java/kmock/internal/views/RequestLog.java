package kmock.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import kmock.api.Request;

/**
 * An append-only, thread-safe log of requests, without a lock: every serving thread appends to the handler's log
 * and to its rule's, and a lock shared by all of them made requests wait on each other. Appending takes the next
 * sequence number and fills its slot in a segment of slots; a snapshot waits for slots whose writer is between
 * the two steps. A bounded log keeps only the latest requests (older segments are let go, the index of segments
 * keeps one empty slot per 64 requests); sequence numbers still count every request.
 */
public final class RequestLog {

    /** Small segments: every rule has a log, and most rules serve a handful of requests. */
    private static final int SEGMENT_BITS = 6;

    private static final int SEGMENT = 1 << SEGMENT_BITS;
    /** Marks the slot of a request taken back out. */
    private static final Request REMOVED =
            Request.builder().url("http://removed/").build();

    private final int capacity;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicInteger removed = new AtomicInteger();
    /** Segments by index, made on the first append; grown under the lock of this log, which only a new segment takes. */
    private volatile AtomicReferenceArray<AtomicReferenceArray<Request>> segments;

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
    public long append(Request request) {
        long seq = appended.getAndIncrement();
        if (capacity > 0) {
            segment(seq, true).set((int) (seq & (SEGMENT - 1)), request);
            if (capacity != Integer.MAX_VALUE && (seq & (SEGMENT - 1)) == 0) {
                forgetBefore(seq - capacity);
            }
        }
        return seq;
    }

    /** Takes the newest occurrence of a request back out (a depleted reply lets the next rule serve it). */
    public void removeLast(Request request) {
        for (long seq = appended.get() - 1; seq >= first(appended.get()); seq--) {
            AtomicReferenceArray<Request> segment = segment(seq, false);
            if (segment != null
                    && segment.get((int) (seq & (SEGMENT - 1))) == request
                    && segment.compareAndSet((int) (seq & (SEGMENT - 1)), request, REMOVED)) {
                removed.incrementAndGet();
                return;
            }
        }
    }

    /** A copy of the log, oldest first. */
    public List<Request> snapshot() {
        long end = appended.get();
        List<Request> copy = new ArrayList<>((int) Math.min(end - first(end), Integer.MAX_VALUE - 8));
        for (long seq = first(end); seq < end; seq++) {
            AtomicReferenceArray<Request> segment = segment(seq, false);
            Request request = segment == null ? null : await(segment, (int) (seq & (SEGMENT - 1)));
            if (request != null && request != REMOVED) {
                copy.add(request);
            }
        }
        return List.copyOf(copy);
    }

    /** How many requests the log holds. */
    public int size() {
        long end = appended.get();
        return (int)
                Math.max(0, end - first(end) - (capacity == Integer.MAX_VALUE ? removed.get() : countRemoved(end)));
    }

    private long first(long end) {
        return capacity == Integer.MAX_VALUE ? 0 : Math.max(0, end - capacity);
    }

    private int countRemoved(long end) {
        int count = 0;
        for (long seq = first(end); seq < end; seq++) {
            AtomicReferenceArray<Request> segment = segment(seq, false);
            if (segment != null && segment.get((int) (seq & (SEGMENT - 1))) == REMOVED) {
                count++;
            }
        }
        return count;
    }

    /** The request in a slot, waiting for a writer that took its number and is about to fill it. */
    private static Request await(AtomicReferenceArray<Request> segment, int slot) {
        Request request = segment.get(slot);
        while (request == null) {
            Thread.onSpinWait();
            request = segment.get(slot);
        }
        return request;
    }

    private AtomicReferenceArray<Request> segment(long seq, boolean create) {
        int index = (int) (seq >>> SEGMENT_BITS);
        AtomicReferenceArray<AtomicReferenceArray<Request>> all = segments;
        AtomicReferenceArray<Request> segment = all != null && index < all.length() ? all.get(index) : null;
        if (segment != null || !create) {
            return segment;
        }
        synchronized (this) {
            all = segments;
            if (all == null) {
                all = new AtomicReferenceArray<>(4);
                segments = all;
            }
            if (index >= all.length()) {
                AtomicReferenceArray<AtomicReferenceArray<Request>> grown =
                        new AtomicReferenceArray<>(Math.max(index + 1, all.length() * 2));
                for (int i = 0; i < all.length(); i++) {
                    grown.set(i, all.get(i));
                }
                segments = grown;
                all = grown;
            }
            segment = all.get(index);
            if (segment == null) {
                segment = new AtomicReferenceArray<>(SEGMENT);
                all.set(index, segment);
            }
            return segment;
        }
    }

    /** Lets go of whole segments older than a sequence number: a bounded log's memory stays bounded. */
    private void forgetBefore(long seq) {
        if (seq <= 0) {
            return;
        }
        AtomicReferenceArray<AtomicReferenceArray<Request>> all = segments;
        for (int index = (int) (seq >>> SEGMENT_BITS) - 1; all != null && index >= 0 && index < all.length(); index--) {
            if (all.get(index) == null) {
                break;
            }
            all.set(index, null);
        }
    }
}
