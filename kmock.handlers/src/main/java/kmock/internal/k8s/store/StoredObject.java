package kmock.internal.k8s.store;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import kmock.internal.json.Json;

/**
 * One stored version of an object: an unmodifiable JSON tree that also keeps its JSON text once written. Lists of
 * thousands of objects and watches with a hundred watchers send the same versions again and again; each is
 * serialised once. Immutable and thread-safe (the text is computed at most a few times, always the same).
 */
public final class StoredObject extends AbstractMap<String, Object> {

    private final Map<String, Object> frozen;
    private volatile byte[] json;

    StoredObject(Map<String, Object> frozen) {
        this.frozen = frozen;
    }

    /** The object's JSON, written on first use; callers must not modify the array. */
    public byte[] json() {
        byte[] text = json;
        if (text == null) {
            text = Json.write(frozen);
            json = text;
        }
        return text;
    }

    /** The JSON of any object: the kept text of a stored version, else freshly written. */
    public static byte[] jsonOf(Object object) {
        return object instanceof StoredObject stored ? stored.json() : Json.write(object);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return frozen.entrySet();
    }

    @Override
    public Object get(Object key) {
        return frozen.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return frozen.containsKey(key);
    }

    @Override
    public int size() {
        return frozen.size();
    }
}
