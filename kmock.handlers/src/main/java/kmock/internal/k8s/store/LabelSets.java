package kmock.internal.k8s.store;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One shared, frozen map per distinct set of labels among the stored versions: thousands of objects of one app carry
 * the same labels, and each version keeps them for label selectors. Entries go when no version holds them any more.
 * Thread-safe.
 */
final class LabelSets {

    private final Map<Map<String, Object>, WeakReference<Map<String, Object>>> shared = new WeakHashMap<>();

    /** The shared equal of a frozen label map. */
    synchronized Map<String, Object> intern(Map<String, Object> labels) {
        if (labels.isEmpty()) {
            return labels;
        }
        WeakReference<Map<String, Object>> known = shared.get(labels);
        Map<String, Object> existing = known == null ? null : known.get();
        if (existing != null) {
            return existing;
        }
        shared.put(labels, new WeakReference<>(labels));
        return labels;
    }
}
