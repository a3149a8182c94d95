package kmock.internal.k8s.strategy;

import java.util.Map;

/**
 * The defaults the API server sets on a decoded object: the {@code +default} markers of the built-in types, the
 * defaulting functions of the built-in kinds, and the {@code default}s of a custom resource's structural schema.
 */
public final class Defaults {

    private Defaults() {
    }

    /**
     * Sets the defaults of a kind on a decoded object, in place.
     *
     * @param current the stored object for an update (some defaults depend on it), {@code null} for a create
     */
    public static void apply(KindStrategy strategy, Map<String, Object> object, Map<String, Object> current) {
        // Filled in by the defaulting work: schema markers, kind defaulters, CRD defaults.
    }
}
