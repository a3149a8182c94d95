package kmock.internal.k8s.store;

import java.util.Map;

/**
 * One change of the store: every committed write takes the next resourceVersion and produces exactly one event,
 * so events are dense in resourceVersion and ordered by it.
 *
 * @param type     {@code ADDED}, {@code MODIFIED} or {@code DELETED}
 * @param key      the object's key
 * @param object   the object after the change (for {@code DELETED}: its last state), frozen
 * @param previous the object before the change, frozen; {@code null} for {@code ADDED}
 * @param revision the resourceVersion the change took
 */
public record StoreEvent(
        Type type, ObjectKey key, Map<String, Object> object, Map<String, Object> previous, long revision) {

    /** The kinds of change, named as in watch events. */
    public enum Type {
        ADDED,
        MODIFIED,
        DELETED
    }
}
