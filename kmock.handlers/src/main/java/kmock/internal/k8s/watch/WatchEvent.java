package kmock.internal.k8s.watch;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import kmock.internal.k8s.store.StoredObject;

/**
 * One event of a watch stream, as sent on the wire by {@link #toLine()}: {@code {"type": …, "object": …}}.
 *
 * @param type            the event type
 * @param object          the object (frozen), a bookmark's stub, or an ERROR's {@code Status}
 * @param resourceVersion the store's resourceVersion of the event (of the bookmark; 0 for ERROR)
 */
public record WatchEvent(Type type, Map<String, Object> object, long resourceVersion) {

    /** The event types of the Kubernetes watch protocol. */
    public enum Type {
        ADDED,
        MODIFIED,
        DELETED,
        BOOKMARK,
        ERROR
    }

    /** The event's line of a watch stream, with its line break; a stored object's JSON is written only once. */
    public byte[] toLine() {
        byte[] object = StoredObject.jsonOf(this.object);
        byte[] head = ("{\"type\":\"" + type.name() + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[head.length + object.length + 2];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(object, 0, line, head.length, object.length);
        line[line.length - 2] = '}';
        line[line.length - 1] = '\n';
        return line;
    }
}
