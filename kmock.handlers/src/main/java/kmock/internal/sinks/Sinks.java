package kmock.internal.sinks;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import kmock.api.Request;

/**
 * The side effects of one reaction: each matched request is delivered to every sink. Sinks never alter the
 * response. Thread-safe. (Seam version: collections only; the sinks implementation replaces it.)
 */
public final class Sinks {

    private final List<Object> sinks = new CopyOnWriteArrayList<>();

    /** Adds sinks. @throws IllegalArgumentException for a sink of no supported kind, with a hint */
    public void add(Object... items) {
        sinks.addAll(List.of(items));
    }

    /** Whether there are no sinks. */
    public boolean isEmpty() {
        return sinks.isEmpty();
    }

    /** Delivers one request to every sink; a failing sink's exception propagates after all sinks ran. */
    @SuppressWarnings("unchecked")
    public void accept(Request request) throws Exception {
        for (Object sink : sinks) {
            if (sink instanceof Collection<?> collection) {
                ((Collection<Object>) collection).add(request);
            }
        }
    }
}
