package kmock.internal.streams;

/**
 * One request's position in a stream of items: replayable streams give each request its own cursor, a depletable
 * source is one cursor shared by every request. Used by one thread at a time, except shared sources, which lock.
 */
public interface Cursor {

    /** Returned by {@link #next()} when the stream has no more items for this request. */
    Object END = new Object() {
        @Override
        public String toString() {
            return "END";
        }
    };

    /** Returned by {@link #peek()} when the next item cannot be known without taking it. */
    Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "UNKNOWN";
        }
    };

    /** The next item, or {@link #END}; a user's iterator may throw, which is that payload's failure. */
    Object next();

    /**
     * Whether the cursor is known to be at its end without taking anything: lets the renderer drop a finished
     * stream before it interprets the stream's last item, so that a stream ending in a feeding point does not
     * nest one level deeper with every feed.
     */
    default boolean spent() {
        return false;
    }

    /** The item {@link #next()} would return, {@link #END}, or {@link #UNKNOWN} for sources that cannot tell. */
    default Object peek() {
        return UNKNOWN;
    }
}
