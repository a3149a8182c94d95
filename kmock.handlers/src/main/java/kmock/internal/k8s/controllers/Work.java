package kmock.internal.k8s.controllers;

import kmock.internal.k8s.store.ObjectKey;

/**
 * One unit of work: a controller to reconcile one object (which may be gone by then). A key named {@link #SWEEP}
 * stands for every object of the controller's resource in that namespace (all namespaces when it has none).
 *
 * @param controller the controller
 * @param key        the object's key, or a sweep
 */
public record Work(Controller controller, ObjectKey key) {

    /** The name of a sweep key: not a valid object name, so it never meets a real object. */
    public static final String SWEEP = "*";

    /** Whether this is a sweep of a namespace rather than one object. */
    public boolean sweep() {
        return SWEEP.equals(key.name());
    }

    @Override
    public String toString() {
        return controller.name() + " " + key;
    }
}
