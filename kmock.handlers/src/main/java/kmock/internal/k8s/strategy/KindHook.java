package kmock.internal.k8s.strategy;

import java.util.Map;

/**
 * What one kind's registry strategy does beyond the common status and generation rules: a Pod's initial status, a
 * Job's selector, a Service's cluster IPs, a CustomResourceDefinition's conditions. Each method changes the object
 * in place; the default does nothing.
 */
interface KindHook {

    /** No kind-specific behaviour. */
    KindHook NONE = new KindHook() {};

    /**
     * A create, after the common rules (a reset status is an empty map here, made Go-shaped afterwards).
     *
     * @param object      the object with its name, uid and creationTimestamp assigned
     * @param givenStatus the status the client sent, before any reset, or {@code null}
     */
    default void prepareForCreate(Cluster cluster, Map<String, Object> object, Object givenStatus) {}

    /** An update of the main resource, after the common rules. */
    default void prepareForUpdate(Cluster cluster, Map<String, Object> current, Map<String, Object> object) {}

    /** An update through {@code /status}, after the common rules. */
    default void prepareForStatusUpdate(Cluster cluster, Map<String, Object> current, Map<String, Object> object) {}
}
