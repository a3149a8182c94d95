package kmock.internal.k8s.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The store's subscribers (its watches): each committed event is passed to every one, in commit order, under the
 * store's lock. Thread-safe on its own as well, since a subscription is closed without the store's lock.
 */
final class Subscribers {

    private final List<Consumer<StoreEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Adds a subscriber; its subscription hands out the backlog and, closed, removes it. Under the store's lock. */
    Subscription add(List<StoreEvent> backlog, long revision, Consumer<StoreEvent> subscriber) {
        subscribers.add(subscriber);
        return new Subscription(backlog, revision, () -> subscribers.remove(subscriber));
    }

    /** Whether no one listens, so that a commit need not make an event. */
    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    /** Passes a committed event to every subscriber. Under the store's lock. */
    void deliver(StoreEvent event) {
        for (Consumer<StoreEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                // A broken subscriber must not fail a committed write; it loses its subscription instead.
                subscribers.remove(subscriber);
            }
        }
    }
}
