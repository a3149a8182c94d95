package kmock.internal.k8s.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import kmock.internal.k8s.status.KubernetesException;

/**
 * The bounded window of recent events: the history that watches resume from and that continue tokens rely on.
 * When it is full, the oldest event is dropped and its resourceVersion becomes the compaction point; asking for
 * anything at or before that point is answered with 410. Guarded by the store's lock.
 */
final class EventLog {

    private final int capacity;
    private final ArrayDeque<StoreEvent> events;
    private long compacted;

    EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The event window must hold at least one event, not " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    void append(StoreEvent event) {
        if (events.size() == capacity) {
            compacted = events.removeFirst().revision();
        }
        events.addLast(event);
    }

    /** The resourceVersion of the newest dropped event: a history from before it is incomplete. */
    long compacted() {
        return compacted;
    }

    /** The events after a resourceVersion, oldest first. @throws KubernetesException 410 when some were dropped */
    List<StoreEvent> after(long revision) {
        if (revision < compacted) {
            throw new KubernetesException(KubernetesException.Reason.EXPIRED,
                    "too old resource version: " + revision + " (" + (compacted + 1) + ")");
        }
        List<StoreEvent> newer = new ArrayList<>();
        Iterator<StoreEvent> backwards = events.descendingIterator();
        while (backwards.hasNext()) {
            StoreEvent event = backwards.next();
            if (event.revision() <= revision) {
                break;
            }
            newer.add(event);
        }
        java.util.Collections.reverse(newer);
        return newer;
    }
}
