package kmock.internal.k8s.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import kmock.api.Resource;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * The emulator's versioned object store, without HTTP: objects keyed by resource, namespace and name, each with
 * its history of versions, one cluster-wide resourceVersion counter, and the window of recent events.
 *
 * <p>API writes ({@link #create}, {@link #replace}, {@link #update}, {@link #delete}, {@link #deleteCollection})
 * follow the API server's rules ({@link WriteRules}) and fail with a {@link KubernetesException}; direct writes
 * ({@link #put}, {@link #putHistory}, {@link #remove}) serve {@code objects()} and store what the test gives. Every
 * committed change takes the next resourceVersion and is passed, in that order, to the subscribers under the
 * store's lock, so they see each event exactly once and in resourceVersion order. Everything stored or returned is
 * a frozen deep copy. Thread-safe.
 *
 * <p>This class is the store's lock: every operation takes it once and hands over to what holds the state
 * ({@link Timeline}, with its {@link Subscribers}) or makes the writes ({@link ApiWrites}, {@link DirectWrites}).
 */
public final class ObjectStore {

    /** What a delete does to a mutable copy of the live object: the object to keep marked, or {@code null} to delete it now. */
    public interface DeletionRule extends UnaryOperator<Map<String, Object>> {}

    /** The API server's default: an object with finalizers is kept (marked), one without is deleted at once. */
    public static final DeletionRule FINALIZERS_KEEP = object -> ManagedMetadata.hasFinalizers(object) ? object : null;

    private final StoreSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Timeline timeline;
    private final ApiWrites apiWrites;
    private final DirectWrites directWrites;

    /** A store with the default settings (managed metadata, a window of 10,000 events). */
    public ObjectStore() {
        this(StoreSettings.defaults());
    }

    /** A store with the given settings. */
    public ObjectStore(StoreSettings settings) {
        this.settings = settings;
        ManagedMetadata managed = new ManagedMetadata(settings);
        this.timeline = new Timeline(managed, settings.windowSize());
        this.apiWrites = new ApiWrites(settings, managed, timeline);
        this.directWrites = new DirectWrites(settings, managed, timeline);
    }

    /** The settings this store was made with. */
    public StoreSettings settings() {
        return settings;
    }

    /** Parses a resourceVersion as clients send it. @throws KubernetesException 400 when it is not one of ours */
    public static long parseRevision(String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KubernetesException(
                Reason.BAD_REQUEST,
                "invalid resourceVersion '" + text + "': use a resourceVersion received from this server, or omit it");
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /** The current resourceVersion: that of the newest change, 0 before any. */
    public long revision() {
        return locked(timeline::revision);
    }

    /** The live object at a key, or {@code null} when it is absent or deleted. */
    public Map<String, Object> find(ObjectKey key) {
        return locked(() -> timeline.live(key));
    }

    /** The live object at a key. @throws KubernetesException 404 when it is absent or deleted */
    public Map<String, Object> get(ObjectKey key) {
        Map<String, Object> object = find(key);
        if (object == null) {
            throw WriteRules.notFound(key);
        }
        return object;
    }

    /** The versions of the object at a key, oldest first with {@code null} deletion markers; {@code null} when none. */
    public List<Map<String, Object>> history(ObjectKey key) {
        return locked(() -> timeline.versions(key));
    }

    /** The keys with a history, live or soft-deleted, in key order. */
    public Set<ObjectKey> keys() {
        return locked(timeline::keys);
    }

    /** The resources that had at least one object, for discovery; without locking, as it is asked on every request. */
    public Set<Resource> resources() {
        return timeline.resources();
    }

    /** How many keys have a history, live or soft-deleted. */
    public int size() {
        return locked(timeline::size);
    }

    /**
     * One page of the live objects of a resource that the filter accepts, in key order, consistent at one
     * resourceVersion across pages.
     *
     * @param namespace     the namespace, or {@code null} for all namespaces and cluster-wide objects
     * @param filter        label/field selectors and the like
     * @param limit         the page size; 0 or less for all
     * @param continueToken the token of the previous page, or {@code null}/{@code ""} for the first page
     * @throws KubernetesException 410 when the token is older than the event window, 400 when it is malformed
     */
    public ListPage list(
            Resource resource,
            String namespace,
            Predicate<? super Map<String, Object>> filter,
            long limit,
            String continueToken) {
        return locked(() -> timeline.page(resource, namespace, filter, limit, continueToken));
    }

    // ---- API writes -----------------------------------------------------------------------------------------

    /**
     * Creates an object from a body; the name comes from {@code metadata.name} or {@code generateName}. On a
     * soft-deleted key the object starts a new life in the same history.
     *
     * @param namespace the namespace from the URL, or {@code null} for a cluster-wide object
     * @return the stored object (with managed metadata: as the API answers it)
     * @throws KubernetesException 409 when a live object has the name, 422 without a name, 400 for a body
     *                             naming another namespace
     */
    public Map<String, Object> create(Resource resource, String namespace, Map<String, ?> body, WriteOptions options) {
        return create(resource, namespace, body, options, UnaryOperator.identity());
    }

    /**
     * Creates an object as {@link #create(Resource, String, Map, WriteOptions)} does, passing it, with its name,
     * uid and creationTimestamp assigned, through a last step before it is stored: the API server's strategy runs
     * there, as it runs after those fields are filled (a Job's selector names its uid). The step runs under the
     * store's lock; what it throws leaves the store unchanged.
     *
     * @param prepare the step, given a mutable copy; it must keep the name and namespace
     */
    public Map<String, Object> create(
            Resource resource,
            String namespace,
            Map<String, ?> body,
            WriteOptions options,
            UnaryOperator<Map<String, Object>> prepare) {
        Map<String, Object> copy = JsonTree.copyMap(body);
        return locked(() -> apiWrites.create(resource, namespace, copy, options, prepare));
    }

    /**
     * Replaces a live object with a body (PUT).
     *
     * @throws KubernetesException 404 when the object is absent or deleted, 409 when the body carries a
     *                             resourceVersion other than the stored one, 400 when it names another object
     */
    public Map<String, Object> replace(ObjectKey key, Map<String, ?> body, WriteOptions options) {
        Map<String, Object> copy = JsonTree.copyMap(body);
        return update(key, current -> copy, options);
    }

    /**
     * Changes a live object through a function from (a mutable copy of) its current state to its new state; for
     * patches and subresources. The function runs under the store's lock, so no concurrent write is lost. With
     * managed metadata, a change that leaves the object as it was is no write at all: the stored object is answered.
     *
     * @throws KubernetesException 404 when the object is absent or deleted, 409 when the result carries a
     *                             resourceVersion other than the stored one, 400 when it names another object
     */
    public Map<String, Object> update(ObjectKey key, UnaryOperator<Map<String, Object>> change, WriteOptions options) {
        return locked(() -> apiWrites.update(key, change, options));
    }

    /**
     * Deletes a live object: soft (the history ends with {@code null}, a DELETED event), or, while it has
     * finalizers, only marks it with a deletionTimestamp (a MODIFIED event; repeated deletes change nothing).
     *
     * @throws KubernetesException 404 when absent or deleted, 409 when a precondition fails
     */
    public Deletion delete(ObjectKey key, WriteOptions options) {
        return delete(key, options, FINALIZERS_KEEP);
    }

    /**
     * Deletes a live object as a kind's strategy says: the rule gets a mutable copy and answers the object to keep
     * (with the finalizers, {@code deletionGracePeriodSeconds} or status it adds; it gets a deletionTimestamp that
     * far in the future), or {@code null} to delete it at once. An object already being deleted and kept stays as it
     * is, unless the rule shortens its grace period (then its deletionTimestamp moves closer); one the rule lets go
     * (a pod deleted again with no grace period) is deleted.
     *
     * @throws KubernetesException 404 when absent or deleted, 409 when a precondition fails
     */
    public Deletion delete(ObjectKey key, WriteOptions options, DeletionRule rule) {
        return locked(() -> apiWrites.delete(key, options, rule));
    }

    /** Deletes every live object of a resource (and namespace, unless {@code null}) that the filter accepts. */
    public List<Deletion> deleteCollection(
            Resource resource, String namespace, Predicate<? super Map<String, Object>> filter, WriteOptions options) {
        return deleteCollection(resource, namespace, filter, options, FINALIZERS_KEEP);
    }

    /** Deletes every live object that the filter accepts, each by the rule (see {@link #delete(ObjectKey, WriteOptions, DeletionRule)}). */
    public List<Deletion> deleteCollection(
            Resource resource,
            String namespace,
            Predicate<? super Map<String, Object>> filter,
            WriteOptions options,
            DeletionRule rule) {
        String ns = namespace == null || namespace.isEmpty() ? null : namespace;
        return locked(() -> apiWrites.deleteCollection(resource, ns, filter, options, rule));
    }

    // ---- direct writes (objects()) --------------------------------------------------------------------------

    /**
     * Writes an object as a test author does: a create when the key is absent or deleted, else a replace, without
     * conflict checks; with managed metadata the name, namespace and other managed fields are filled (keeping a
     * uid, creationTimestamp or deletionTimestamp the body gives), without it the body is stored as it is.
     *
     * @throws IllegalArgumentException when the body names another object than the key
     */
    public Map<String, Object> put(ObjectKey key, Map<String, ?> body) {
        Map<String, Object> copy = JsonTree.copyMap(body);
        return locked(() -> directWrites.put(key, copy));
    }

    /**
     * Replaces the whole history of a key, as if its versions had been written in order ({@code null}: a
     * deletion); each version takes a resourceVersion and notifies the subscribers. An empty list removes it.
     */
    public void putHistory(ObjectKey key, List<? extends Map<String, ?>> versions) {
        List<Map<String, Object>> copies = new ArrayList<>();
        for (Map<String, ?> version : versions) {
            copies.add(JsonTree.copyMap(version));
        }
        locked(() -> {
            directWrites.putHistory(key, copies);
            return null;
        });
    }

    /**
     * Removes a key and its whole history (a hard delete); a live object's watchers get a DELETED event.
     *
     * @return the removed versions, or {@code null} when the key had none
     */
    public List<Map<String, Object>> remove(ObjectKey key) {
        return locked(() -> timeline.drop(key));
    }

    /**
     * Corrects the kind that objects of a resource got before the resource's real kind was known: every version
     * whose {@code kind} is {@code guessed} gets {@code known}, in place and without a new resourceVersion, since
     * the kind is the resource's, not a change of the object ({@code ConfigMap}, not the {@code Configmaps} guessed
     * from the plural for an object stored before {@code loadBundled()}).
     *
     * @return how many versions changed
     */
    public int retype(Resource resource, String guessed, String known) {
        return locked(() -> timeline.retype(resource, guessed, known));
    }

    // ---- subscriptions (watches) ----------------------------------------------------------------------------

    /**
     * Subscribes to all future changes and answers the current state as synthetic ADDED events, atomically: no
     * change falls between the state and the first delivered event. The subscriber is called under the store's
     * lock: it must return quickly, must not block and must not write to the store.
     */
    public Subscription subscribeWithState(Consumer<StoreEvent> subscriber) {
        return locked(() -> timeline.subscribeWithState(subscriber));
    }

    /**
     * Subscribes to all changes after a resourceVersion: the kept ones are answered as the backlog, later ones
     * are delivered (see {@link #subscribeWithState} for the subscriber's duties).
     *
     * @throws KubernetesException 410 when the window no longer holds every change after that resourceVersion
     */
    public Subscription subscribeAfter(long resourceVersion, Consumer<StoreEvent> subscriber) {
        return locked(() -> timeline.subscribeAfter(resourceVersion, subscriber));
    }

    /** Subscribes to the changes from now on, with an empty backlog (see {@link #subscribeWithState}). */
    public Subscription subscribeFromNow(Consumer<StoreEvent> subscriber) {
        return locked(() -> timeline.subscribeFromNow(subscriber));
    }

    // ---- the lock -------------------------------------------------------------------------------------------

    /** Runs an action under the store's lock: every read and write of the timeline goes through here. */
    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
