package kmock.internal.k8s.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import kmock.internal.k8s.status.KubernetesException;

/**
 * The bounded window of recent events: the history that watches resume from and that continue tokens rely on.
 * When it is full, the oldest event is dropped and its resourceVersion becomes the compaction point; asking for
 * anything at or before that point is answered with 410. Events are kept in their compact form and become
 * {@link StoreEvent}s when a watch replays them. Guarded by the store's lock.
 */
final class EventLog {

    /** One kept event: the versions, not views of them. */
    private record Change(
            StoreEvent.Type type, ObjectKey key, StoredVersion object, StoredVersion previous, long revision) {
        StoreEvent event() {
            return new StoreEvent(type, key, view(object), view(previous), revision);
        }
    }

    private final int capacity;
    private final ArrayDeque<Change> events;
    private long compacted;

    EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The event window must hold at least one event, not " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    void append(StoreEvent.Type type, ObjectKey key, StoredVersion object, StoredVersion previous, long revision) {
        if (events.size() == capacity) {
            compacted = events.removeFirst().revision();
        }
        events.addLast(new Change(type, key, object, previous, revision));
    }

    /** The resourceVersion of the newest dropped event: a history from before it is incomplete. */
    long compacted() {
        return compacted;
    }

    /** The events after a resourceVersion, oldest first. @throws KubernetesException 410 when some were dropped */
    List<StoreEvent> after(long revision) {
        if (revision < compacted) {
            throw new KubernetesException(
                    KubernetesException.Reason.EXPIRED,
                    "too old resource version: " + revision + " (" + (compacted + 1) + ")");
        }
        List<StoreEvent> newer = new ArrayList<>();
        Iterator<Change> backwards = events.descendingIterator();
        while (backwards.hasNext()) {
            Change event = backwards.next();
            if (event.revision() <= revision) {
                break;
            }
            newer.add(event.event());
        }
        Collections.reverse(newer);
        return newer;
    }

    static StoredObject view(StoredVersion version) {
        return version == null ? null : new StoredObject(version);
    }
}
