package kmock.internal.k8s.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The versions of one object, oldest first, each with the resourceVersion that wrote it; a {@code null} version
 * marks a deletion. Most objects have one version, and a store holds a hundred thousand histories: the first
 * version sits in two fields, and only a second one brings two plain arrays. Guarded by the store's lock.
 */
final class History {

    private long firstRevision;
    private StoredVersion first;
    private long[] revisions;
    private StoredVersion[] versions;
    private int size;

    void append(long revision, StoredVersion version) {
        if (size == 0) {
            firstRevision = revision;
            first = version;
        } else {
            if (versions == null) {
                revisions = new long[4];
                versions = new StoredVersion[4];
                revisions[0] = firstRevision;
                versions[0] = first;
            } else if (size == versions.length) {
                int grown = size + (size >> 1);
                revisions = Arrays.copyOf(revisions, grown);
                versions = Arrays.copyOf(versions, grown);
            }
            revisions[size] = revision;
            versions[size] = version;
        }
        size++;
    }

    private long revisionAt(int index) {
        return versions == null ? firstRevision : revisions[index];
    }

    private StoredVersion versionAt(int index) {
        return versions == null ? first : versions[index];
    }

    /** The newest version, {@code null} when the object is deleted (or never had a version). */
    StoredVersion latest() {
        return size == 0 ? null : versionAt(size - 1);
    }

    boolean live() {
        return latest() != null;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The state the object had at a resourceVersion: its newest version not newer than it, or {@code null}. */
    StoredVersion at(long revision) {
        for (int i = size - 1; i >= 0; i--) {
            if (revisionAt(i) <= revision) {
                return versionAt(i);
            }
        }
        return null;
    }

    /** Replaces every version (not the deletion markers) with what {@code change} makes of it, keeping its resourceVersion. */
    void replaceVersions(UnaryOperator<StoredVersion> change) {
        if (versions == null) {
            first = first == null ? null : change.apply(first);
            return;
        }
        for (int i = 0; i < size; i++) {
            versions[i] = versions[i] == null ? null : change.apply(versions[i]);
        }
    }

    /** An unmodifiable snapshot of the versions as read-only maps, with {@code null} deletion markers. */
    List<Map<String, Object>> versions() {
        List<Map<String, Object>> views = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            StoredVersion version = versionAt(i);
            views.add(version == null ? null : new StoredObject(version));
        }
        return Collections.unmodifiableList(views);
    }
}
