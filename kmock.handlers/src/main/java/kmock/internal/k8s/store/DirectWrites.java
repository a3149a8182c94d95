package kmock.internal.k8s.store;

import java.util.List;
import java.util.Map;

import kmock.internal.k8s.status.KubernetesException;

/**
 * The store's direct writes, as a test author makes them through {@code objects()}: no conflict checks, and with
 * managed metadata only the fields the body leaves out are filled. Every method runs under the store's lock.
 */
final class DirectWrites {

    private final StoreSettings settings;
    private final ManagedMetadata managed;
    private final Timeline timeline;

    /** The direct writes onto a store's timeline. */
    DirectWrites(StoreSettings settings, ManagedMetadata managed, Timeline timeline) {
        this.settings = settings;
        this.managed = managed;
        this.timeline = timeline;
    }

    /** Writes the store's own copy of a body at a key (see {@link ObjectStore#put}). */
    Map<String, Object> put(ObjectKey key, Map<String, Object> copy) {
        if (settings.managedMetadata()) {
            try {
                ManagedMetadata.checkMatchesKey(key, copy);
            } catch (KubernetesException e) {
                throw new IllegalArgumentException("Cannot put " + key + ": " + e.getMessage(), e);
            }
        }
        return write(key, copy);
    }

    /** Replaces a key's history with the store's own copies of versions (see {@link ObjectStore#putHistory}). */
    void putHistory(ObjectKey key, List<Map<String, Object>> copies) {
        timeline.drop(key);
        for (Map<String, Object> version : copies) {
            Map<String, Object> live = timeline.live(key);
            if (version != null) {
                write(key, version);
            } else if (live != null) {
                timeline.markDeleted(key, live);
            } else {
                // A marker first, or twice in a row: kept as given, with a resourceVersion of its own.
                timeline.appendMarker(key);
            }
        }
    }

    private Map<String, Object> write(ObjectKey key, Map<String, Object> body) {
        Map<String, Object> object = body;
        if (settings.managedMetadata()) {
            Map<String, Object> live = timeline.live(key);
            object = live != null
                    ? managed.onUpdate(body, live, key, timeline.next(), true, false)
                    : managed.onCreate(body, key, timeline.next(), true);
        }
        return timeline.write(key, object);
    }
}
