package kmock.internal.streams;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live streams that one feeding call reaches: those of one reaction, or (in the {@link LiveHub}) those of the
 * whole handler. Streams join when they reach a feeding point and leave when they stop listening. Thread-safe.
 */
public final class LiveGroup {

    private final Set<LiveFeed> members = ConcurrentHashMap.newKeySet();

    /** Starts delivering feeds to a stream's mailbox. */
    public void join(LiveFeed feed) {
        members.add(feed);
    }

    /** Stops delivering feeds to a stream's mailbox. */
    public void leave(LiveFeed feed) {
        members.remove(feed);
    }

    /** How many streams listen now. */
    public int size() {
        return members.size();
    }

    /** Delivers one batch to every listening stream; a no-op when none listens. */
    public void feed(ReplayableStream batch) {
        for (LiveFeed member : members) {
            member.offer(batch);
        }
    }
}
