package kmock.internal.k8s.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The versions of one object, oldest first, each with the resourceVersion that wrote it; a {@code null} version
 * marks a deletion. Guarded by the store's lock.
 */
final class History {

    private final List<Long> revisions = new ArrayList<>();
    private final List<Map<String, Object>> versions = new ArrayList<>();

    void append(long revision, Map<String, Object> frozen) {
        revisions.add(revision);
        versions.add(frozen);
    }

    /** The newest version, {@code null} when the object is deleted (or never had a version). */
    Map<String, Object> latest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    boolean live() {
        return latest() != null;
    }

    boolean isEmpty() {
        return versions.isEmpty();
    }

    /** The state the object had at a resourceVersion: its newest version not newer than it, or {@code null}. */
    Map<String, Object> at(long revision) {
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i) <= revision) {
                return versions.get(i);
            }
        }
        return null;
    }

    /** Replaces every version (not the deletion markers) with what {@code change} makes of it, keeping its resourceVersion. */
    void replaceVersions(java.util.function.UnaryOperator<Map<String, Object>> change) {
        versions.replaceAll(version -> version == null ? null : change.apply(version));
    }

    /** An unmodifiable snapshot of the versions, with {@code null} deletion markers. */
    List<Map<String, Object>> versions() {
        return Collections.unmodifiableList(new ArrayList<>(versions));
    }
}
