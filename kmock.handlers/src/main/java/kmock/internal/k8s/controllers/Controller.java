package kmock.internal.k8s.controllers;

import kmock.api.Resource;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * One simulated controller: it maps the store's changes to the objects it must look at again ({@link #observe}),
 * and brings one object toward what its spec asks ({@link #reconcile}), reading and writing through its
 * {@link ClusterClient} as a real controller does through the API. Reconciles run one at a time, on the emulator's
 * worker thread or in {@code settle()}; a reconcile must be idempotent, since a key may come back at any time.
 */
public abstract class Controller {

    private final String name;
    private final Resource primary;
    /** The cluster this controller reads and writes. */
    protected final ClusterClient cluster;

    /**
     * @param name    the name the user switches it on and off by
     * @param primary the resource whose objects it reconciles (sweeps list these)
     */
    protected Controller(String name, Resource primary, ClusterClient cluster) {
        this.name = name;
        this.primary = primary;
        this.cluster = cluster;
    }

    /** The controller's name, as in {@code kmock.handlers.Controllers#NAMES}. */
    public final String name() {
        return name;
    }

    /** The resource whose objects this controller reconciles. */
    public final Resource primary() {
        return primary;
    }

    /**
     * Tells which objects to reconcile after a change. Runs under the store's lock for every change: it must be
     * quick, must not read or write the store, and may keep indexes of its own.
     */
    public abstract void observe(StoreEvent event, Keys keys);

    /** Brings the object at a key (which may be gone) toward its desired state. */
    public abstract void reconcile(ObjectKey key);

    /** What runs once when the emulator starts, such as registering nodes. */
    public void start() {}

    /** Where {@link #observe} puts the keys to reconcile. */
    public interface Keys {
        /** Reconcile this object of the controller's resource. */
        void add(ObjectKey key);

        /** Reconcile this object. */
        default void add(String namespace, String name) {
            add(new ObjectKey(resource(), namespace, name));
        }

        /** Reconcile every object of the controller's resource in a namespace ({@code null}: everywhere). */
        void sweep(String namespace);

        /** The controller's resource. */
        Resource resource();
    }
}
