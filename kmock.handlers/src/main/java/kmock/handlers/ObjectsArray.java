package kmock.handlers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import kmock.api.Resource;
import kmock.internal.k8s.manifests.Manifests;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;

/**
 * The live, thread-safe objects of a {@code KubernetesEmulator}, for arranging and asserting tests:
 * {@code kmock.objects().put("v1/pods", "ns", "web", Map.of("spec", Map.of()))}. A write here is a write like an
 * API create or replace: it takes a resourceVersion and reaches open watches; with managed metadata the name,
 * namespace, uid, resourceVersion, creationTimestamp, generation (and apiVersion/kind, when known) are filled in,
 * without it the stored map equals the given one exactly. Resources are strings in any notation naming group,
 * version and plural ({@code "v1/pods"}, {@code "deployments.v1.apps"}) or {@link Resource}s; a {@code null}
 * namespace means a cluster-wide object. Everything handed out is a snapshot that cannot alter the store.
 *
 * @since 0.1
 */
public final class ObjectsArray {

    /**
     * The key of an object: resource, namespace ({@code null} for cluster-wide objects) and name.
     *
     * @param resource  the complete resource
     * @param namespace the namespace, or {@code null}
     * @param name      the name
     */
    public record Key(Resource resource, String namespace, String name) {

        /** Checks the key. @throws IllegalArgumentException for an incomplete resource or an empty name */
        public Key {
            ObjectKey checked = new ObjectKey(resource, namespace, name);
            namespace = checked.namespace();
        }
    }

    private final ObjectStore store;
    private final ResourcesArray catalog;
    private final Consumer<Map<String, Object>> definitions;
    private final Runnable refresh;

    /** An array over a store; manifests find their resources in the catalog and pass definitions on. */
    ObjectsArray(ObjectStore store, ResourcesArray catalog, Consumer<Map<String, Object>> definitions) {
        this(store, catalog, definitions, () -> {});
    }

    /** The same, with {@code refresh} bringing the store up to date with the catalog (kinds learnt since) before reads. */
    ObjectsArray(
            ObjectStore store, ResourcesArray catalog, Consumer<Map<String, Object>> definitions, Runnable refresh) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.refresh = refresh;
    }

    /** The store behind this array, for the emulator. */
    ObjectStore store() {
        return store;
    }

    /**
     * Creates or replaces an object (a create on an absent or soft-deleted key, starting a new life; a replace
     * otherwise, without a resourceVersion check). Managed metadata keeps a uid, creationTimestamp or
     * deletionTimestamp that the map gives.
     *
     * @return the stored object
     * @throws IllegalArgumentException for an incomplete resource, or a map naming another name or namespace
     */
    public KObject put(String resource, String namespace, String name, Map<String, ?> object) {
        return put(parse(resource), namespace, name, object);
    }

    /** Creates or replaces an object of a {@link Resource} (see {@link #put(String, String, String, Map)}). */
    public KObject put(Resource resource, String namespace, String name, Map<String, ?> object) {
        Objects.requireNonNull(object, "object (use remove() to delete one)");
        ObjectKey key = new ObjectKey(resource, namespace, name);
        store.put(key, object);
        return get(key);
    }

    /**
     * Replaces an object's whole history, as if its versions had been written in order; a {@code null} entry is a
     * soft-deletion marker. Every version takes a resourceVersion and reaches open watches.
     *
     * @return the object, or {@code null} for an empty history
     */
    public KObject putHistory(String resource, String namespace, String name, List<? extends Map<String, ?>> history) {
        return putHistory(parse(resource), namespace, name, history);
    }

    /** Replaces the history of an object of a {@link Resource} (see {@link #putHistory(String, String, String, List)}). */
    public KObject putHistory(
            Resource resource, String namespace, String name, List<? extends Map<String, ?>> history) {
        ObjectKey key = new ObjectKey(resource, namespace, name);
        store.putHistory(key, Objects.requireNonNull(history, "history"));
        return get(key);
    }

    /** The object with its history, or {@code null} when there is none; soft-deleted objects are returned. */
    public KObject get(String resource, String namespace, String name) {
        return get(parse(resource), namespace, name);
    }

    /** The object of a {@link Resource} with its history, or {@code null}. */
    public KObject get(Resource resource, String namespace, String name) {
        return get(new ObjectKey(resource, namespace, name));
    }

    /** The object at a key with its history, or {@code null}. */
    public KObject get(Key key) {
        return get(internal(key));
    }

    /**
     * Stores the objects of Kubernetes manifest files, in order, as the CLI's {@code --objects} does: YAML (several
     * documents) or JSON, {@code kind: List} unpacked; each object goes to the resource of its apiVersion and
     * kind in {@code resources()} (or defined by a CustomResourceDefinition earlier in the files, which is then
     * registered), in its namespace or {@code default}. Writes like {@link #put(String, String, String, Map)}.
     *
     * @return the stored objects, in order
     * @throws IllegalArgumentException naming the file and the document, when one is malformed or of an unknown
     *                                  kind; then nothing is stored
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public List<KObject> load(Path... files) {
        return store(Manifests.ofFiles(List.of(files), catalog));
    }

    /**
     * Stores the objects of manifests given as YAML or JSON text (see {@link #load(Path...)}):
     * {@code kmock.objects().load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}")}.
     *
     * @return the stored objects, in order
     * @throws IllegalArgumentException naming the document, when one is malformed or of an unknown kind
     */
    public List<KObject> load(String manifests) {
        return store(Manifests.ofText(manifests, catalog));
    }

    private List<KObject> store(List<Manifests.Placement> placements) {
        List<KObject> stored = new ArrayList<>();
        for (Manifests.Placement placement : placements) {
            stored.add(put(placement.resource(), placement.namespace(), placement.name(), placement.object()));
            if (placement.defines()) {
                definitions.accept(placement.object());
            }
        }
        return stored;
    }

    /** Whether an object has a history here, live or soft-deleted. */
    public boolean contains(String resource, String namespace, String name) {
        return contains(parse(resource), namespace, name);
    }

    /** Whether an object of a {@link Resource} has a history here, live or soft-deleted. */
    public boolean contains(Resource resource, String namespace, String name) {
        return store.history(new ObjectKey(resource, namespace, name)) != null;
    }

    /** Whether the key has a history here, live or soft-deleted. */
    public boolean contains(Key key) {
        return store.history(internal(key)) != null;
    }

    /**
     * Removes an object and its whole history (unlike an API deletion, which keeps it); watches of a live object
     * get a DELETED event, so clients' caches stay true to the store.
     *
     * @return the removed object, or {@code null} when there was none
     */
    public KObject remove(String resource, String namespace, String name) {
        return remove(parse(resource), namespace, name);
    }

    /** Removes an object of a {@link Resource} and its history (see {@link #remove(String, String, String)}). */
    public KObject remove(Resource resource, String namespace, String name) {
        return remove(new ObjectKey(resource, namespace, name));
    }

    /** Removes the object at a key and its history (see {@link #remove(String, String, String)}). */
    public KObject remove(Key key) {
        return remove(internal(key));
    }

    /** The keys of all objects, live and soft-deleted, ordered by resource, namespace and name; a snapshot. */
    public Set<Key> keys() {
        Set<Key> keys = new LinkedHashSet<>();
        for (ObjectKey key : store.keys()) {
            keys.add(new Key(key.resource(), key.namespace(), key.name()));
        }
        return Collections.unmodifiableSet(keys);
    }

    /** How many objects there are, live and soft-deleted. */
    public int size() {
        return store.size();
    }

    /** The keys, for failure messages. */
    @Override
    public String toString() {
        return "ObjectsArray" + keys();
    }

    private KObject get(ObjectKey key) {
        refresh.run();
        List<Map<String, Object>> history = store.history(key);
        return history == null ? null : new KObject(history);
    }

    private KObject remove(ObjectKey key) {
        List<Map<String, Object>> history = store.remove(key);
        return history == null ? null : new KObject(history);
    }

    private static ObjectKey internal(Key key) {
        return new ObjectKey(key.resource(), key.namespace(), key.name());
    }

    private static Resource parse(String resource) {
        Resource parsed = Resource.parse(resource);
        if (!parsed.isComplete()) {
            throw new IllegalArgumentException("Objects need a complete resource, but '" + resource + "' lacks its "
                    + (parsed.version() == null ? "version" : "group") + "; write it as 'v1/pods', 'pods.v1', "
                    + "'apps/v1/deployments' or 'deployments.v1.apps'");
        }
        return parsed;
    }
}
