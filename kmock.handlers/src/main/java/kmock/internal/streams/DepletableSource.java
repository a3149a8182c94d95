package kmock.internal.streams;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A depletable stream (the Python original's generator): one iterator shared by every request, each item served
 * once across all of them. Taking an item locks the iterator itself, so the same iterator reached from several
 * places (declared twice, returned by a callable each time) stays one source. Thread-safe.
 */
public final class DepletableSource implements Cursor {

    private final Iterator<?> iterator;

    private DepletableSource(Iterator<?> iterator) {
        this.iterator = iterator;
    }

    /** A source over an iterator (not copied: the iterator's own state is the source's state). */
    public static DepletableSource of(Iterator<?> iterator) {
        return new DepletableSource(iterator);
    }

    @Override
    public Object next() {
        synchronized (iterator) {
            try {
                return iterator.hasNext() ? iterator.next() : END;
            } catch (NoSuchElementException spent) {
                // An iterator whose hasNext() was too optimistic is simply spent.
                return END;
            }
        }
    }

    @Override
    public String toString() {
        return "depletable " + iterator.getClass().getName();
    }
}
