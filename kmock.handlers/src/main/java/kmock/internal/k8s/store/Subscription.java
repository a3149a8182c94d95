package kmock.internal.k8s.store;

import java.util.Collections;
import java.util.List;

/**
 * A subscriber's registration with an {@link ObjectStore}: the backlog to hand out before the live events, the
 * resourceVersion it is consistent at, and {@link #close()} to stop deliveries.
 */
public final class Subscription implements AutoCloseable {

    private List<StoreEvent> backlog;
    private final long revision;
    private final Runnable cancel;

    Subscription(List<StoreEvent> backlog, long revision, Runnable cancel) {
        this.backlog = Collections.unmodifiableList(backlog);
        this.revision = revision;
        this.cancel = cancel;
    }

    /**
     * The events before the live ones: the current state (as ADDED at {@link #revision()}), or the kept changes.
     * Handed out once and then forgotten, so that a long watch does not keep a copy of the whole store alive.
     */
    public synchronized List<StoreEvent> takeBacklog() {
        List<StoreEvent> taken = backlog;
        backlog = List.of();
        return taken;
    }

    /** The store's resourceVersion when the subscription began. */
    public long revision() {
        return revision;
    }

    /** Stops deliveries; idempotent. */
    @Override
    public void close() {
        cancel.run();
    }
}
