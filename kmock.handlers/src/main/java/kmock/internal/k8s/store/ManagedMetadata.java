package kmock.internal.k8s.store;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kmock.api.Resource;
import kmock.internal.k8s.status.KubernetesException;

/**
 * The metadata the API server owns: name and namespace from the key, a uid per life, the resourceVersion, the
 * creationTimestamp, the generation as the resource's {@link GenerationRule} counts it, and apiVersion/kind when
 * the body omits them. API writes get the server's
 * values; direct writes through {@code objects()} keep a uid, creationTimestamp or deletionTimestamp they give.
 */
final class ManagedMetadata {

    /** The API server's alphabet for generated names: no vowels and no 0, 1 or 3, so that no suffix spells a word. */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final StoreSettings settings;

    ManagedMetadata(StoreSettings settings) {
        this.settings = settings;
    }

    /** The fields of an object being created (or starting a new life); {@code revision} null for a dry run. */
    Map<String, Object> onCreate(Map<String, Object> body, ObjectKey key, String revision, boolean direct) {
        Map<String, Object> object = withTypes(body, key.resource(), null);
        Map<String, Object> meta = metadata(object);
        placeKey(meta, key);
        if (!direct || string(meta, "uid") == null) {
            meta.put("uid", UUID.randomUUID().toString());
        }
        putOrRemove(meta, "resourceVersion", revision);
        if (!direct || string(meta, "creationTimestamp") == null) {
            meta.put("creationTimestamp", now());
        }
        if (settings.generations().apply(key.resource()).counts()) {
            meta.put("generation", 1);
        }
        if (!direct) {
            meta.remove("deletionTimestamp");
        }
        return object;
    }

    /**
     * The fields of a new version of a live object.
     *
     * @param statusWrite whether the write goes through {@code /status}, which keeps the generation as it is
     */
    Map<String, Object> onUpdate(
            Map<String, Object> body,
            Map<String, Object> stored,
            ObjectKey key,
            String revision,
            boolean direct,
            boolean statusWrite) {
        Map<String, Object> object = withTypes(body, key.resource(), stored);
        Map<String, Object> meta = metadata(object);
        Map<String, ?> before = metadataOf(stored);
        placeKey(meta, key);
        keepStored(meta, before, "uid", direct);
        putOrRemove(meta, "resourceVersion", revision);
        keepStored(meta, before, "creationTimestamp", direct);
        generation(
                meta,
                before,
                !statusWrite && settings.generations().apply(key.resource()).bumps(stored, object));
        if (before != null && before.get("deletionTimestamp") != null) {
            meta.put("deletionTimestamp", before.get("deletionTimestamp"));
        } else if (!direct) {
            meta.remove("deletionTimestamp");
        }
        return object;
    }

    /**
     * Marks a copy of a live object as being deleted: a deletionTimestamp (its grace period from now, for a pod that
     * terminates gracefully), and with managed metadata {@code deletionGracePeriodSeconds} (0 for an object that
     * finalizers keep, as the API server writes it) and a new generation.
     */
    Map<String, Object> onDeletionMark(Map<String, Object> copy, String revision) {
        Map<String, Object> meta = metadata(copy);
        long grace = meta.get("deletionGracePeriodSeconds") instanceof Number number ? number.longValue() : 0;
        meta.put(
                "deletionTimestamp",
                DateTimeFormatter.ISO_INSTANT.format(
                        settings.clock().instant().plusSeconds(grace).truncatedTo(ChronoUnit.SECONDS)));
        if (settings.managedMetadata()) {
            meta.put("deletionGracePeriodSeconds", integral(grace));
            putOrRemove(meta, "resourceVersion", revision);
            if (meta.get("generation") instanceof Number number) {
                meta.put("generation", integral(number.longValue() + 1));
            }
        }
        return copy;
    }

    /** A copy of an object being deleted whose grace period a later delete shortened: its deletionTimestamp moves to match. */
    Map<String, Object> onGraceShortened(Map<String, Object> copy, String revision) {
        Map<String, Object> meta = metadata(copy);
        long grace = meta.get("deletionGracePeriodSeconds") instanceof Number number ? number.longValue() : 0;
        meta.put(
                "deletionTimestamp",
                DateTimeFormatter.ISO_INSTANT.format(
                        settings.clock().instant().plusSeconds(grace).truncatedTo(ChronoUnit.SECONDS)));
        meta.put("deletionGracePeriodSeconds", integral(grace));
        putOrRemove(meta, "resourceVersion", revision);
        return copy;
    }

    /**
     * Whether an update leaves an object as it was, but for its resourceVersion and the times of its managed fields
     * entries (which a field manager refreshes on every write): the API server then writes nothing.
     */
    static boolean sameButVersion(Map<String, ?> stored, Map<String, ?> updated) {
        return JsonTree.same(withoutVersion(stored), withoutVersion(updated));
    }

    private static Map<String, Object> withoutVersion(Map<String, ?> object) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(object);
        if (object.get("metadata") instanceof Map<?, ?> meta) {
            Map<Object, Object> metadata = new java.util.LinkedHashMap<>(meta);
            metadata.remove("resourceVersion");
            if (metadata.get("managedFields") instanceof List<?> entries) {
                List<Object> untimed = new java.util.ArrayList<>();
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> map) {
                        Map<Object, Object> without = new java.util.LinkedHashMap<>(map);
                        without.remove("time");
                        untimed.add(without);
                    } else {
                        untimed.add(entry);
                    }
                }
                metadata.put("managedFields", untimed);
            }
            copy.put("metadata", metadata);
        }
        return copy;
    }

    /** Whether a delete's result asks for a shorter grace period than the object being deleted has. */
    static boolean shortensGrace(Map<String, ?> current, Map<String, ?> kept) {
        Map<String, ?> before = metadataOf(current);
        Map<String, ?> after = metadataOf(kept);
        return before != null
                && after != null
                && before.get("deletionGracePeriodSeconds") instanceof Number old
                && after.get("deletionGracePeriodSeconds") instanceof Number shorter
                && shorter.longValue() < old.longValue();
    }

    /** The last state of a deleted object as its DELETED event shows it: with the deletion's resourceVersion. */
    Map<String, Object> onDeleted(Map<String, Object> last, long revision) {
        if (!settings.managedMetadata()) {
            return last;
        }
        Map<String, Object> copy = JsonTree.copyMap(last);
        metadata(copy).put("resourceVersion", Long.toString(revision));
        return JsonTree.freezeMap(copy);
    }

    /** A name from a {@code generateName} prefix: the prefix and five random characters of {@link #ALPHABET}. */
    String generateName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 5; i++) {
            name.append(ALPHABET.charAt(settings.random().nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    /** A timestamp as the API server writes it: RFC 3339, UTC, whole seconds. */
    String now() {
        return DateTimeFormatter.ISO_INSTANT.format(settings.clock().instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Checks that a body names the same object as the URL it was sent to.
     *
     * @throws KubernetesException 400 when the body's name or namespace differs from the key's
     */
    static void checkMatchesKey(ObjectKey key, Map<String, ?> body) {
        Map<String, ?> meta = metadataOf(body);
        String name = string(meta, "name");
        if (name != null && !name.isEmpty() && !name.equals(key.name())) {
            throw key.failure(
                    KubernetesException.Reason.BAD_REQUEST,
                    "the name of the object (" + name + ") does not match the name on the URL (" + key.name() + ")");
        }
        String namespace = string(meta, "namespace");
        if (key.namespace() != null
                && namespace != null
                && !namespace.isEmpty()
                && !namespace.equals(key.namespace())) {
            throw key.failure(
                    KubernetesException.Reason.BAD_REQUEST,
                    "the namespace of the provided object (" + namespace
                            + ") does not match the namespace sent on the request (" + key.namespace() + ")");
        }
    }

    /** The metadata map of an object, or {@code null}. @throws KubernetesException 400 when it is not a map */
    @SuppressWarnings("unchecked")
    static Map<String, Object> metadataOf(Map<String, ?> object) {
        Object meta = object == null ? null : object.get("metadata");
        if (meta == null || meta instanceof Map) {
            return (Map<String, Object>) meta;
        }
        throw new KubernetesException(
                KubernetesException.Reason.BAD_REQUEST,
                "metadata must be a JSON object, not " + meta.getClass().getSimpleName());
    }

    /** A string field of a map, or {@code null} when absent or not a string. */
    static String string(Map<String, ?> map, String key) {
        return map != null && map.get(key) instanceof String text ? text : null;
    }

    /** Whether an object carries a non-empty {@code metadata.finalizers} list. */
    static boolean hasFinalizers(Map<String, ?> object) {
        Map<String, ?> meta = metadataOf(object);
        return meta != null && meta.get("finalizers") instanceof List<?> list && !list.isEmpty();
    }

    /** Whether an object being deleted still has a grace period to run (a pod terminating gracefully). */
    static boolean inGracePeriod(Map<String, ?> object) {
        Map<String, ?> meta = metadataOf(object);
        return meta != null && meta.get("deletionGracePeriodSeconds") instanceof Number grace && grace.longValue() > 0;
    }

    /** Whether an object carries a {@code metadata.deletionTimestamp}. */
    static boolean isBeingDeleted(Map<String, ?> object) {
        Map<String, ?> meta = metadataOf(object);
        return meta != null && meta.get("deletionTimestamp") != null;
    }

    private Map<String, Object> withTypes(Map<String, Object> body, Resource resource, Map<String, Object> stored) {
        boolean hasVersion = body.get("apiVersion") != null;
        boolean hasKind = body.get("kind") != null;
        String kind = hasKind
                ? null
                : stored != null && stored.get("kind") instanceof String k
                        ? k
                        : settings.kinds().apply(resource);
        if (hasVersion && (hasKind || kind == null)) {
            return body;
        }
        // Rebuilt so that apiVersion and kind lead, where Kubernetes writes them.
        Map<String, Object> object = new LinkedHashMap<>();
        object.put(
                "apiVersion",
                hasVersion
                        ? body.get("apiVersion")
                        : stored != null && stored.get("apiVersion") != null
                                ? stored.get("apiVersion")
                                : resource.apiVersion());
        object.put("kind", hasKind ? body.get("kind") : kind);
        if (object.get("kind") == null) {
            object.remove("kind");
        }
        body.forEach(object::putIfAbsent);
        return object;
    }

    private static Map<String, Object> metadata(Map<String, Object> object) {
        Map<String, Object> meta = metadataOf(object);
        if (meta == null) {
            meta = new LinkedHashMap<>();
            object.put("metadata", meta);
        }
        return meta;
    }

    private static void placeKey(Map<String, Object> meta, ObjectKey key) {
        meta.put("name", key.name());
        if (key.namespace() == null) {
            meta.remove("namespace");
        } else {
            meta.put("namespace", key.namespace());
        }
    }

    private void keepStored(Map<String, Object> meta, Map<String, ?> before, String field, boolean direct) {
        if (direct && meta.get(field) != null) {
            return;
        }
        Object value = before == null ? null : before.get(field);
        if (value == null) {
            value = field.equals("uid") ? UUID.randomUUID().toString() : now();
        }
        meta.put(field, value);
    }

    /**
     * The generation of an update: the stored one (an update cannot set it), one more when the kind's rule says the
     * change bumps it; a kind that counts generations but whose stored object has none starts from 0, as Go does.
     */
    private static void generation(Map<String, Object> meta, Map<String, ?> before, boolean bump) {
        Object stored = before == null ? null : before.get("generation");
        if (!bump) {
            putOrRemove(meta, "generation", stored);
            return;
        }
        long generation = stored instanceof Number number ? number.longValue() : 0;
        meta.put("generation", integral(generation + 1));
    }

    /** An Integer when it fits, as a JSON parser would produce it, so stored numbers compare as users expect. */
    private static Number integral(long value) {
        if (value == (int) value) {
            return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
    }

    private static void putOrRemove(Map<String, Object> meta, String field, Object value) {
        if (value == null) {
            meta.remove(field);
        } else {
            meta.put(field, value);
        }
    }
}
