package kmock.internal.k8s.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 */
public final class ObjectStore {

    /** What a delete does to a mutable copy of the live object: the object to keep marked, or {@code null} to delete it now. */
    public interface DeletionRule extends UnaryOperator<Map<String, Object>> {}

    /** The API server's default: an object with finalizers is kept (marked), one without is deleted at once. */
    public static final DeletionRule FINALIZERS_KEEP = object -> ManagedMetadata.hasFinalizers(object) ? object : null;

    private final StoreSettings settings;
    private final ManagedMetadata managed;
    private final ReentrantLock lock = new ReentrantLock();
    private final NavigableMap<ObjectKey, History> objects = new TreeMap<>();
    /** Resources that ever had an object: discovery asks on every request, so it must not walk all keys. */
    private final Set<Resource> seen = ConcurrentHashMap.newKeySet();

    private final EventLog log;
    private final LabelSets labelSets = new LabelSets();
    private final List<Consumer<StoreEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long revision;

    /** A store with the default settings (managed metadata, a window of 10,000 events). */
    public ObjectStore() {
        this(StoreSettings.defaults());
    }

    /** A store with the given settings. */
    public ObjectStore(StoreSettings settings) {
        this.settings = settings;
        this.managed = new ManagedMetadata(settings);
        this.log = new EventLog(settings.windowSize());
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
        return locked(() -> revision);
    }

    /** The live object at a key, or {@code null} when it is absent or deleted. */
    public Map<String, Object> find(ObjectKey key) {
        return locked(() -> {
            History history = objects.get(key);
            return history == null ? null : EventLog.view(history.latest());
        });
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
        return locked(() -> {
            History history = objects.get(key);
            return history == null ? null : history.versions();
        });
    }

    /** The keys with a history, live or soft-deleted, in key order. */
    public Set<ObjectKey> keys() {
        return locked(() -> Collections.unmodifiableSet(new LinkedHashSet<>(objects.keySet())));
    }

    /** The resources that had at least one object, for discovery; without locking, as it is asked on every request. */
    public Set<Resource> resources() {
        return Collections.unmodifiableSet(seen);
    }

    /** How many keys have a history, live or soft-deleted. */
    public int size() {
        return locked(objects::size);
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
        return locked(() ->
                Paging.page(objects, revision, log.compacted(), resource, namespace, filter, limit, continueToken));
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
        return locked(() -> {
            ObjectKey key = new ObjectKey(resource, namespace, nameFor(resource, namespace, copy));
            ManagedMetadata.checkMatchesKey(key, copy);
            if (isLive(key)) {
                throw WriteRules.alreadyExists(key);
            }
            Map<String, Object> object = settings.managedMetadata()
                    ? managed.onCreate(copy, key, options.dryRun() ? null : next(), false)
                    : copy;
            object = prepare.apply(object);
            ManagedMetadata.checkMatchesKey(key, object);
            return options.dryRun() ? JsonTree.freezeMap(object) : write(key, object);
        });
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
        return locked(() -> {
            Map<String, Object> current = liveOrThrow(key);
            Map<String, Object> result = change.apply(JsonTree.copyMap(current));
            if (result == null) {
                throw key.failure(Reason.BAD_REQUEST, "the change of " + key + " produced no object");
            }
            result = JsonTree.copyMap(result);
            ManagedMetadata.checkMatchesKey(key, result);
            WriteRules.checkFresh(key, result, current);
            Map<String, Object> object = settings.managedMetadata()
                    ? managed.onUpdate(
                            result,
                            current,
                            key,
                            options.dryRun() ? storedRevision(current) : next(),
                            false,
                            options.statusWrite())
                    : result;
            if (options.dryRun()) {
                return JsonTree.freezeMap(object);
            }
            if (settings.managedMetadata() && ManagedMetadata.sameButVersion(current, object)) {
                // As the API server's storage: an update that changes nothing takes no resourceVersion and sends no
                // event.
                return current;
            }
            Map<String, Object> written = write(key, object);
            if (ManagedMetadata.isBeingDeleted(written) && !WriteRules.keepsBeingDeleted(key, written)) {
                markDeleted(key, written);
            }
            return written;
        });
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
        return locked(() -> {
            Map<String, Object> current = liveOrThrow(key);
            WriteRules.checkPreconditions(key, options, current);
            Map<String, Object> kept = rule.apply(JsonTree.copyMap(current));
            if (kept == null) {
                return new Deletion(options.dryRun() ? current : markDeleted(key, current), false);
            }
            if (ManagedMetadata.isBeingDeleted(current)) {
                if (!ManagedMetadata.shortensGrace(current, kept)) {
                    return new Deletion(current, true);
                }
                Map<String, Object> shortened =
                        managed.onGraceShortened(kept, options.dryRun() ? storedRevision(current) : next());
                return new Deletion(options.dryRun() ? JsonTree.freezeMap(shortened) : write(key, shortened), true);
            }
            Map<String, Object> marked =
                    managed.onDeletionMark(kept, options.dryRun() ? storedRevision(current) : next());
            return new Deletion(options.dryRun() ? JsonTree.freezeMap(marked) : write(key, marked), true);
        });
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
        return locked(() -> {
            List<ObjectKey> chosen = new ArrayList<>();
            objects.forEach((key, history) -> {
                if (key.within(resource, ns) && history.live() && filter.test(EventLog.view(history.latest()))) {
                    chosen.add(key);
                }
            });
            List<Deletion> deletions = new ArrayList<>();
            for (ObjectKey key : chosen) {
                deletions.add(delete(key, new WriteOptions(options.dryRun(), null, null), rule));
            }
            return Collections.unmodifiableList(deletions);
        });
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
        return locked(() -> {
            if (settings.managedMetadata()) {
                try {
                    ManagedMetadata.checkMatchesKey(key, copy);
                } catch (KubernetesException e) {
                    throw new IllegalArgumentException("Cannot put " + key + ": " + e.getMessage(), e);
                }
            }
            return putLocked(key, copy);
        });
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
            remove(key);
            for (Map<String, Object> version : copies) {
                History history = objects.get(key);
                if (version != null) {
                    putLocked(key, version);
                } else if (history != null && history.live()) {
                    markDeleted(key, EventLog.view(history.latest()));
                } else {
                    // A marker first, or twice in a row: kept as given, with a resourceVersion of its own.
                    append(key, null, null, StoreEvent.Type.DELETED);
                }
            }
            return null;
        });
    }

    /**
     * Removes a key and its whole history (a hard delete); a live object's watchers get a DELETED event.
     *
     * @return the removed versions, or {@code null} when the key had none
     */
    public List<Map<String, Object>> remove(ObjectKey key) {
        return locked(() -> {
            History history = objects.get(key);
            if (history == null) {
                return null;
            }
            List<Map<String, Object>> versions = history.versions();
            if (history.live()) {
                markDeleted(key, EventLog.view(history.latest()));
            }
            objects.remove(key);
            return versions;
        });
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
        int[] changed = {0};
        lock.lock();
        try {
            objects.forEach((key, history) -> {
                if (key.resource().equals(resource)) {
                    history.replaceVersions(version -> {
                        if (!guessed.equals(version.tree().get("kind"))) {
                            return version;
                        }
                        Map<String, Object> copy = version.mutableCopy();
                        copy.put("kind", known);
                        changed[0]++;
                        return StoredVersion.of(copy, labelSets);
                    });
                }
            });
            return changed[0];
        } finally {
            lock.unlock();
        }
    }

    // ---- subscriptions (watches) ----------------------------------------------------------------------------

    /**
     * Subscribes to all future changes and answers the current state as synthetic ADDED events, atomically: no
     * change falls between the state and the first delivered event. The subscriber is called under the store's
     * lock: it must return quickly, must not block and must not write to the store.
     */
    public Subscription subscribeWithState(Consumer<StoreEvent> subscriber) {
        return locked(() -> {
            List<StoreEvent> state = new ArrayList<>();
            objects.forEach((key, history) -> {
                if (history.live()) {
                    state.add(new StoreEvent(
                            StoreEvent.Type.ADDED, key, EventLog.view(history.latest()), null, revision));
                }
            });
            return subscribe(state, subscriber);
        });
    }

    /**
     * Subscribes to all changes after a resourceVersion: the kept ones are answered as the backlog, later ones
     * are delivered (see {@link #subscribeWithState} for the subscriber's duties).
     *
     * @throws KubernetesException 410 when the window no longer holds every change after that resourceVersion
     */
    public Subscription subscribeAfter(long resourceVersion, Consumer<StoreEvent> subscriber) {
        return locked(() -> subscribe(log.after(resourceVersion), subscriber));
    }

    /** Subscribes to the changes from now on, with an empty backlog (see {@link #subscribeWithState}). */
    public Subscription subscribeFromNow(Consumer<StoreEvent> subscriber) {
        return locked(() -> subscribe(List.of(), subscriber));
    }

    // ---- internals (all under the lock) ---------------------------------------------------------------------

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private Subscription subscribe(List<StoreEvent> backlog, Consumer<StoreEvent> subscriber) {
        subscribers.add(subscriber);
        return new Subscription(backlog, revision, () -> subscribers.remove(subscriber));
    }

    /** The resourceVersion the next change will take. */
    private String next() {
        return Long.toString(revision + 1);
    }

    private static String storedRevision(Map<String, Object> object) {
        return ManagedMetadata.string(ManagedMetadata.metadataOf(object), "resourceVersion");
    }

    private boolean isLive(ObjectKey key) {
        History history = objects.get(key);
        return history != null && history.live();
    }

    private Map<String, Object> putLocked(ObjectKey key, Map<String, Object> body) {
        History history = objects.get(key);
        boolean live = history != null && history.live();
        Map<String, Object> object = body;
        if (settings.managedMetadata()) {
            object = live
                    ? managed.onUpdate(body, EventLog.view(history.latest()), key, next(), true, false)
                    : managed.onCreate(body, key, next(), true);
        }
        return write(key, object);
    }

    /**
     * Commits a new version (ADDED on an absent or deleted key, else MODIFIED) and returns it frozen. The object is
     * the store's own copy: it is frozen in place as the view handed back, so reading that view parses nothing.
     */
    private Map<String, Object> write(ObjectKey key, Map<String, Object> object) {
        StoredVersion version = StoredVersion.of(object, labelSets);
        History history = objects.get(key);
        boolean live = history != null && history.live();
        append(key, version, live ? history.latest() : null, live ? StoreEvent.Type.MODIFIED : StoreEvent.Type.ADDED);
        return new StoredObject(version, version.exact != null ? version.exact : JsonTree.freezeParsed(object));
    }

    /** Commits a deletion marker; the DELETED event shows the last state with the deletion's resourceVersion. */
    private Map<String, Object> markDeleted(ObjectKey key, Map<String, Object> last) {
        Map<String, Object> shown = managed.onDeleted(last, revision + 1);
        append(key, null, versionOf(shown), StoreEvent.Type.DELETED);
        return shown;
    }

    private StoredVersion versionOf(Map<String, Object> object) {
        return object instanceof StoredObject stored ? stored.version() : StoredVersion.of(object, labelSets);
    }

    private void append(ObjectKey key, StoredVersion version, StoredVersion other, StoreEvent.Type type) {
        long next = revision + 1;
        StoredVersion shown = type == StoreEvent.Type.DELETED ? other : version;
        revision = next;
        objects.computeIfAbsent(key, k -> new History()).append(next, version);
        seen.add(key.resource());
        log.append(type, key, shown, other, next);
        if (subscribers.isEmpty()) {
            return;
        }
        StoreEvent event = new StoreEvent(type, key, EventLog.view(shown), EventLog.view(other), next);
        for (Consumer<StoreEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                // A broken subscriber must not fail a committed write; it loses its subscription instead.
                subscribers.remove(subscriber);
            }
        }
    }

    private String nameFor(Resource resource, String namespace, Map<String, Object> body) {
        Map<String, Object> meta = ManagedMetadata.metadataOf(body);
        String name = ManagedMetadata.string(meta, "name");
        if (name != null && !name.isEmpty()) {
            return name;
        }
        String prefix = ManagedMetadata.string(meta, "generateName");
        if (prefix == null || prefix.isEmpty()) {
            throw WriteRules.nameRequired(resource);
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            String candidate = managed.generateName(prefix);
            if (!isLive(new ObjectKey(resource, namespace, candidate))) {
                meta.put("name", candidate);
                return candidate;
            }
        }
        throw new KubernetesException(
                Reason.ALREADY_EXISTS,
                "no free name with generateName '" + prefix + "' after 100 attempts",
                prefix,
                resource.group(),
                resource.plural());
    }

    private Map<String, Object> liveOrThrow(ObjectKey key) {
        History history = objects.get(key);
        if (history == null || !history.live()) {
            throw WriteRules.notFound(key);
        }
        return EventLog.view(history.latest());
    }
}
