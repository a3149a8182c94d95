package kmock.internal.k8s.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import kmock.api.Resource;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * The store's API writes as the API server makes them: a name from {@code generateName}, managed metadata, no-op
 * updates that take no resourceVersion, deletes kept by finalizers and grace periods, dry runs that commit nothing.
 * Every method runs under the store's lock and refuses a write as the API server does, with a
 * {@link KubernetesException}.
 */
final class ApiWrites {

    private final StoreSettings settings;
    private final ManagedMetadata managed;
    private final Timeline timeline;

    /** The API writes onto a store's timeline. */
    ApiWrites(StoreSettings settings, ManagedMetadata managed, Timeline timeline) {
        this.settings = settings;
        this.managed = managed;
        this.timeline = timeline;
    }

    /** Creates an object from the store's own copy of a body (see {@link ObjectStore#create}). */
    Map<String, Object> create(
            Resource resource,
            String namespace,
            Map<String, Object> copy,
            WriteOptions options,
            UnaryOperator<Map<String, Object>> prepare) {
        ObjectKey key = new ObjectKey(resource, namespace, nameFor(resource, namespace, copy));
        ManagedMetadata.checkMatchesKey(key, copy);
        if (timeline.isLive(key)) {
            throw WriteRules.alreadyExists(key);
        }
        Map<String, Object> object = settings.managedMetadata()
                ? managed.onCreate(copy, key, options.dryRun() ? null : timeline.next(), false)
                : copy;
        object = prepare.apply(object);
        ManagedMetadata.checkMatchesKey(key, object);
        return options.dryRun() ? JsonTree.freezeMap(object) : timeline.write(key, object);
    }

    /** Changes a live object through a function of its current state (see {@link ObjectStore#update}). */
    Map<String, Object> update(ObjectKey key, UnaryOperator<Map<String, Object>> change, WriteOptions options) {
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
                        options.dryRun() ? storedRevision(current) : timeline.next(),
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
        Map<String, Object> written = timeline.write(key, object);
        if (ManagedMetadata.isBeingDeleted(written) && !WriteRules.keepsBeingDeleted(key, written)) {
            timeline.markDeleted(key, written);
        }
        return written;
    }

    /** Deletes a live object, or marks it, as the rule says (see {@code ObjectStore.delete}). */
    Deletion delete(ObjectKey key, WriteOptions options, ObjectStore.DeletionRule rule) {
        Map<String, Object> current = liveOrThrow(key);
        WriteRules.checkPreconditions(key, options, current);
        Map<String, Object> kept = rule.apply(JsonTree.copyMap(current));
        if (kept == null) {
            return new Deletion(options.dryRun() ? current : timeline.markDeleted(key, current), false);
        }
        if (ManagedMetadata.isBeingDeleted(current)) {
            if (!ManagedMetadata.shortensGrace(current, kept)) {
                return new Deletion(current, true);
            }
            Map<String, Object> shortened =
                    managed.onGraceShortened(kept, options.dryRun() ? storedRevision(current) : timeline.next());
            return new Deletion(
                    options.dryRun() ? JsonTree.freezeMap(shortened) : timeline.write(key, shortened), true);
        }
        Map<String, Object> marked =
                managed.onDeletionMark(kept, options.dryRun() ? storedRevision(current) : timeline.next());
        return new Deletion(options.dryRun() ? JsonTree.freezeMap(marked) : timeline.write(key, marked), true);
    }

    /** Deletes each live object the filter accepts by the rule; {@code namespace} is {@code null} for all. */
    List<Deletion> deleteCollection(
            Resource resource,
            String namespace,
            Predicate<? super Map<String, Object>> filter,
            WriteOptions options,
            ObjectStore.DeletionRule rule) {
        List<Deletion> deletions = new ArrayList<>();
        for (ObjectKey key : timeline.liveKeys(resource, namespace, filter)) {
            deletions.add(delete(key, new WriteOptions(options.dryRun(), null, null), rule));
        }
        return Collections.unmodifiableList(deletions);
    }

    private static String storedRevision(Map<String, Object> object) {
        return ManagedMetadata.string(ManagedMetadata.metadataOf(object), "resourceVersion");
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
            if (!timeline.isLive(new ObjectKey(resource, namespace, candidate))) {
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
        Map<String, Object> live = timeline.live(key);
        if (live == null) {
            throw WriteRules.notFound(key);
        }
        return live;
    }
}
