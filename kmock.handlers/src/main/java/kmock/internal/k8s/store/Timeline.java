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
import java.util.function.Consumer;
import java.util.function.Predicate;

import kmock.api.Resource;

/**
 * What the store has committed: each key's history of versions, the one resourceVersion counter, the window of
 * recent events, and the subscribers each commit is passed to. Guarded by the store's lock, except
 * {@link #resources()}.
 */
final class Timeline {

    private final ManagedMetadata managed;
    private final NavigableMap<ObjectKey, History> objects = new TreeMap<>();
    /** Resources that ever had an object: discovery asks on every request, so it must not walk all keys. */
    private final Set<Resource> seen = ConcurrentHashMap.newKeySet();

    private final EventLog log;
    private final LabelSets labelSets = new LabelSets();
    private final Subscribers subscribers = new Subscribers();
    private long revision;

    /** An empty timeline whose deletion events show managed metadata as {@code managed} makes it. */
    Timeline(ManagedMetadata managed, int windowSize) {
        this.managed = managed;
        this.log = new EventLog(windowSize);
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /** The resourceVersion of the newest change, 0 before any. */
    long revision() {
        return revision;
    }

    /** The resourceVersion the next change will take. */
    String next() {
        return Long.toString(revision + 1);
    }

    /** The live object at a key, or {@code null} when it is absent or deleted. */
    Map<String, Object> live(ObjectKey key) {
        History history = objects.get(key);
        return history == null || !history.live() ? null : EventLog.view(history.latest());
    }

    boolean isLive(ObjectKey key) {
        History history = objects.get(key);
        return history != null && history.live();
    }

    /** The versions at a key, oldest first with {@code null} deletion markers; {@code null} when none. */
    List<Map<String, Object>> versions(ObjectKey key) {
        History history = objects.get(key);
        return history == null ? null : history.versions();
    }

    /** The keys with a history, live or soft-deleted, in key order. */
    Set<ObjectKey> keys() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(objects.keySet()));
    }

    /** The resources that had at least one object; safe without the store's lock. */
    Set<Resource> resources() {
        return Collections.unmodifiableSet(seen);
    }

    /** How many keys have a history. */
    int size() {
        return objects.size();
    }

    /** One page of live objects (see {@link ObjectStore#list}). */
    ListPage page(
            Resource resource,
            String namespace,
            Predicate<? super Map<String, Object>> filter,
            long limit,
            String continueToken) {
        return Paging.page(objects, revision, log.compacted(), resource, namespace, filter, limit, continueToken);
    }

    /** The keys of the live objects of a resource (and namespace, unless {@code null}) that the filter accepts. */
    List<ObjectKey> liveKeys(Resource resource, String namespace, Predicate<? super Map<String, Object>> filter) {
        List<ObjectKey> chosen = new ArrayList<>();
        objects.forEach((key, history) -> {
            if (key.within(resource, namespace) && history.live() && filter.test(EventLog.view(history.latest()))) {
                chosen.add(key);
            }
        });
        return chosen;
    }

    // ---- subscriptions --------------------------------------------------------------------------------------

    /** Subscribes with the current state as synthetic ADDED events for its backlog. */
    Subscription subscribeWithState(Consumer<StoreEvent> subscriber) {
        List<StoreEvent> state = new ArrayList<>();
        objects.forEach((key, history) -> {
            if (history.live()) {
                state.add(new StoreEvent(StoreEvent.Type.ADDED, key, EventLog.view(history.latest()), null, revision));
            }
        });
        return subscribers.add(state, revision, subscriber);
    }

    /** Subscribes with the kept changes after a resourceVersion for its backlog (410 when some were dropped). */
    Subscription subscribeAfter(long resourceVersion, Consumer<StoreEvent> subscriber) {
        return subscribers.add(log.after(resourceVersion), revision, subscriber);
    }

    /** Subscribes with an empty backlog. */
    Subscription subscribeFromNow(Consumer<StoreEvent> subscriber) {
        return subscribers.add(List.of(), revision, subscriber);
    }

    // ---- commits --------------------------------------------------------------------------------------------

    /**
     * Commits a new version (ADDED on an absent or deleted key, else MODIFIED) and returns it frozen. The object is
     * the store's own copy: it is frozen in place as the view handed back, so reading that view parses nothing.
     */
    Map<String, Object> write(ObjectKey key, Map<String, Object> object) {
        StoredVersion version = StoredVersion.of(object, labelSets);
        History history = objects.get(key);
        boolean live = history != null && history.live();
        append(key, version, live ? history.latest() : null, live ? StoreEvent.Type.MODIFIED : StoreEvent.Type.ADDED);
        return new StoredObject(version, version.exact != null ? version.exact : JsonTree.freezeParsed(object));
    }

    /** Commits a deletion marker; the DELETED event shows the last state with the deletion's resourceVersion. */
    Map<String, Object> markDeleted(ObjectKey key, Map<String, Object> last) {
        Map<String, Object> shown = managed.onDeleted(last, revision + 1);
        append(key, null, versionOf(shown), StoreEvent.Type.DELETED);
        return shown;
    }

    /** Commits a deletion marker with no last state: a history that starts deleted, or two deletions in a row. */
    void appendMarker(ObjectKey key) {
        append(key, null, null, StoreEvent.Type.DELETED);
    }

    /** Removes a key's whole history (a live object's watchers get a DELETED event); its versions, or {@code null}. */
    List<Map<String, Object>> drop(ObjectKey key) {
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
    }

    /** Sets the kind of a resource's versions that have the {@code guessed} one, in place; how many changed. */
    int retype(Resource resource, String guessed, String known) {
        int[] changed = {0};
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
        subscribers.deliver(new StoreEvent(type, key, EventLog.view(shown), EventLog.view(other), next));
    }
}
