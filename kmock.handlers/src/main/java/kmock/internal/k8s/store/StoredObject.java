package kmock.internal.k8s.store;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import kmock.internal.json.Json;

/**
 * A stored version handed out by the store: a read-only map over the version's JSON, parsed on first read and only
 * for this view, so the store itself keeps nothing but the compact text. Lists of thousands of objects and watches
 * with a hundred watchers send the JSON as it is, never parsing or writing it again. Thread-safe.
 */
public final class StoredObject extends AbstractMap<String, Object> {

    private final StoredVersion version;
    private volatile Map<String, Object> tree;

    StoredObject(StoredVersion version) {
        this.version = version;
    }

    /** A view whose tree is already at hand (the frozen object just written), so reading it parses nothing. */
    StoredObject(StoredVersion version, Map<String, Object> tree) {
        this.version = version;
        this.tree = tree;
    }

    /** The object's JSON; callers must not modify the array. */
    public byte[] json() {
        return version.json;
    }

    /** The object's {@code metadata.labels} (empty when it has none), without parsing it. */
    public Map<String, Object> labels() {
        return version.labels;
    }

    /** The JSON of any object: the kept text of a stored version, else freshly written. */
    public static byte[] jsonOf(Object object) {
        return object instanceof StoredObject stored ? stored.json() : Json.write(object);
    }

    /** A mutable deep copy of the stored version. */
    Map<String, Object> mutableCopy() {
        Map<String, Object> parsed = tree;
        return parsed != null ? JsonTree.copyMap(parsed) : version.mutableCopy();
    }

    /** The compact version this view reads. */
    StoredVersion version() {
        return version;
    }

    private Map<String, Object> tree() {
        Map<String, Object> parsed = tree;
        if (parsed == null) {
            parsed = version.tree();
            tree = parsed;
        }
        return parsed;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return tree().entrySet();
    }

    @Override
    public Object get(Object key) {
        return tree().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return tree().containsKey(key);
    }

    @Override
    public int size() {
        return tree().size();
    }
}
