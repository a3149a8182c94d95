package kmock.internal.streams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A replayable stream (the Python original's tuple): an immutable list of items served whole to every request;
 * each request walks it with its own {@link #cursor()}. Also the form of one batch fed to live streams.
 */
public final class ReplayableStream {

    private static final ReplayableStream EMPTY = new ReplayableStream(List.of());

    private final List<Object> items;

    private ReplayableStream(List<Object> items) {
        this.items = items;
    }

    /** A stream of these items, already checked and converted by the payload declarations; nulls allowed. */
    public static ReplayableStream of(List<?> items) {
        return items.isEmpty() ? EMPTY : new ReplayableStream(Collections.unmodifiableList(new ArrayList<>(items)));
    }

    /** The items, in order (unmodifiable). */
    public List<Object> items() {
        return items;
    }

    /** A new cursor at the first item. */
    public Cursor cursor() {
        return new Position();
    }

    @Override
    public String toString() {
        return "stream" + items;
    }

    /** One request's place in the list. */
    private final class Position implements Cursor {
        private int index;

        @Override
        public Object next() {
            return index < items.size() ? items.get(index++) : END;
        }

        @Override
        public boolean spent() {
            return index >= items.size();
        }

        @Override
        public Object peek() {
            return index < items.size() ? items.get(index) : END;
        }
    }
}
