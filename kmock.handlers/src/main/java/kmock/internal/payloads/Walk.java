package kmock.internal.payloads;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import kmock.api.Payload;
import kmock.internal.streams.Cursor;
import kmock.internal.streams.ReplayableStream;

/**
 * The walk through a reply's items: a stack of stream cursors, innermost on top, kept explicitly instead of by
 * recursion. A cursor is dropped before its last item is interpreted, so a stream that ends in a feeding point and
 * is fed a new one a hundred thousand times stays one level deep. Shared by the two phases of one rendering, one
 * after the other; used by one thread at a time.
 */
final class Walk {

    private static final int PEEK_LIMIT = 16;

    /** One stream being walked; {@code fed} when its items came from a feed (or from an item that did). */
    private record Frame(Cursor cursor, boolean fed) {}

    /**
     * One item taken.
     *
     * @param item the item, not yet interpreted
     * @param fed  whether it came from a feed rather than from the declared payloads
     */
    record Taken(Object item, boolean fed) {}

    private final Deque<Frame> frames = new ArrayDeque<>();

    /** Walks a stream's items next, before the rest of the current one. */
    void push(Cursor cursor, boolean fed) {
        frames.push(new Frame(cursor, fed));
    }

    /** The next item of the innermost stream, dropping finished streams; {@code null} when the walk is over. */
    Taken take() {
        while (!frames.isEmpty()) {
            Frame top = frames.peek();
            Object item = top.cursor().next();
            if (item == Cursor.END) {
                frames.pop();
                continue;
            }
            if (top.cursor().spent()) {
                frames.pop();
            }
            return new Taken(item, top.fed());
        }
        return null;
    }

    /** Whether the next item is visibly a feeding point. */
    boolean nextIsLive() {
        Frame top = frames.peek();
        return top != null && leadsToLive(top.cursor().peek());
    }

    /** Whether an item is a feeding point, directly or first in (nested) replayable streams. */
    static boolean leadsToLive(Object item) {
        Object next = item;
        for (int depth = 0; depth < PEEK_LIMIT; depth++) {
            if (next == Payload.LIVE) {
                return true;
            }
            List<Object> nested = next instanceof ReplayableStream stream
                    ? stream.items()
                    : next instanceof Payload.Sequence sequence ? sequence.items() : List.of();
            if (nested.isEmpty()) {
                return false;
            }
            next = nested.get(0);
        }
        return false;
    }
}
