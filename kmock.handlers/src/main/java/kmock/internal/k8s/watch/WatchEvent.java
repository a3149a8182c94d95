package kmock.internal.k8s.watch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of a watch stream, as sent on the wire by {@link #toJson()}: {@code {"type": …, "object": …}}.
 *
 * @param type            the event type
 * @param object          the object (frozen), a bookmark's stub, or an ERROR's {@code Status}
 * @param resourceVersion the store's resourceVersion of the event (of the bookmark; 0 for ERROR)
 */
public record WatchEvent(Type type, Map<String, Object> object, long resourceVersion) {

    /** The event types of the Kubernetes watch protocol. */
    public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }

    /** The event as a watch stream line carries it. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type.name());
        json.put("object", object);
        return json;
    }
}
