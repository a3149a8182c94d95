package kmock.internal.k8s.fields;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.TypedDecoder;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.store.JsonTree;

/**
 * {@code metadata.managedFields} for every write, as kube-apiserver's field manager keeps them: an {@code Update}
 * entry per manager for creates, replaces and patches, and server-side apply ({@code Apply} entries) with merging
 * by the schema, pruning, conflicts and force. Stateless; each call gets the object before and after (or the
 * applied configuration) and answers the object to store, with its managedFields.
 */
public final class FieldManager {

    /** The manager kubectl's server-side apply uses: its client-side apply annotation is kept in step. */
    private static final String KUBECTL = "kubectl";
    /**
     * One write: what is written, through which endpoint, by whom, when.
     *
     * @param schema            the kind's schema, or {@code null} when nobody declared one (fields are then deduced)
     * @param customResource    whether the kind is a custom resource
     * @param kind              the group, version and kind of the endpoint
     * @param manager           the field manager ({@link #manager(String, String)}); {@code ""} stands for "unknown"
     * @param subresource       {@code status}, {@code scale}, or {@code null} for the object itself
     * @param statusSubresource whether the resource has a status subresource (its main endpoint then owns no status)
     * @param time              when the write happens
     * @param decoded           whether the new objects handed in come decoded by their kind's schema (the write
     *                          path's), so that they need not be decoded again to be compared
     */
    public record Write(
            ObjectSchema schema,
            boolean customResource,
            GroupVersionKind kind,
            String manager,
            String subresource,
            boolean statusSubresource,
            Instant time,
            boolean decoded) {

        /** A write of objects that have not been decoded. */
        public Write(
                ObjectSchema schema,
                boolean customResource,
                GroupVersionKind kind,
                String manager,
                String subresource,
                boolean statusSubresource,
                Instant time) {
            this(schema, customResource, kind, manager, subresource, statusSubresource, time, false);
        }
    }

    private FieldManager() {}

    /**
     * The field manager of a request: its {@code fieldManager} parameter, or else the part of its user agent before
     * the first {@code /} (printable characters only, at most 128 bytes), as the API server derives it.
     */
    public static String manager(String fieldManager, String userAgent) {
        if (fieldManager != null && !fieldManager.isEmpty()) {
            return fieldManager;
        }
        String prefix = userAgent == null ? "" : userAgent.split("/", -1)[0];
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int cp : prefix.codePoints().toArray()) {
            if (!isPrintable(cp)) {
                continue;
            }
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > 128) {
                break;
            }
            bytes += size;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return cp == ' '
                || Character.isDefined(cp)
                        && !Character.isWhitespace(cp)
                        && type != Character.CONTROL
                        && type != Character.FORMAT
                        && type != Character.SURROGATE
                        && type != Character.PRIVATE_USE
                        && type != Character.LINE_SEPARATOR
                        && type != Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * An update (create when {@code live} is {@code null}, replace, or a non-apply patch): the new object with its
     * managedFields. The manager takes the fields it changed; managedFields in the body replace the stored ones
     * when they are valid, {@code []} or {@code [{}]} clears them (and an object without them stays without).
     */
    public static Map<String, Object> update(Write write, Map<String, ?> live, Map<String, ?> updated) {
        Map<String, Object> next = JsonTree.copyMap(updated);
        Object given = managedFields(next);
        Managers managers;
        if (write.subresource() != null) {
            managers = decodeOrEmpty(live);
        } else if (isReset(next, given)) {
            managers = new Managers();
        } else {
            try {
                managers = Managers.decode(given);
            } catch (IllegalArgumentException e) {
                managers = new Managers();
            }
            if (managers.isEmpty()) {
                managers = decodeOrEmpty(live);
            }
        }
        removeManagedFields(next);
        if (managers.isEmpty() && live != null) {
            // Like the API server, an object that has no managedFields does not start to track them on update.
            return next;
        }
        Kind kind = new Kind(write);
        recordUpdate(
                kind,
                write,
                managers,
                kind.view(live == null ? null : withoutManagedFields(live)),
                write.decoded() ? next : kind.view(next),
                write.manager());
        setManagedFields(next, managers.encode());
        return next;
    }

    /**
     * Server-side apply of a configuration to {@code live} ({@code null}: the object does not exist yet): the
     * merged object with its managedFields.
     *
     * @throws KubernetesException 409 on conflicts (unless forced), 400 for a configuration that names another kind or
     *                             carries managedFields, the API server's reasonless 500 for one that does not fit
     *                             the schema
     */
    public static Map<String, Object> apply(Write write, Map<String, ?> live, Map<String, ?> applied, boolean force) {
        checkApplied(write, applied);
        Kind kind = new Kind(write);
        try {
            TypedCheck.check(applied, kind.root);
        } catch (TypedException e) {
            // The API server does not classify this error: a reasonless 500, as for a broken strategic merge patch.
            throw new KubernetesException(
                    Reason.UNKNOWN,
                    "failed to create typed patch object (" + describe(write, applied) + "): " + e.getMessage());
        }
        Map<String, Object> liveRaw = live == null ? new LinkedHashMap<>() : withoutManagedFields(live);
        Managers managers;
        try {
            managers = live == null ? new Managers() : Managers.decode(managedFields(live));
        } catch (IllegalArgumentException e) {
            throw new KubernetesException(Reason.UNKNOWN, "failed to decode managed fields: " + e.getMessage());
        }
        String applier = Managers.identifier(write.manager(), "Apply", null, write.subresource());
        Outcome outcome;
        try {
            outcome = applyOnce(kind, write, liveRaw, applied, managers.copy(), applier, force);
        } catch (FieldConflicts conflicts) {
            FieldSet allowed = KUBECTL.equals(write.manager())
                    ? LastApplied.allowedConflicts(
                            kind.root, kind::view, write.kind().apiVersion(), liveRaw)
                    : null;
            FieldConflicts left = allowed == null ? conflicts : conflicts.without(allowed);
            if (left != null) {
                throw left.toException();
            }
            // kubectl moving from client-side to server-side apply takes over the fields it applied before.
            outcome = applyOnce(kind, write, liveRaw, applied, managers.copy(), applier, true);
        }
        Map<String, Object> result = outcome.object();
        if (KUBECTL.equals(write.manager())) {
            LastApplied.keepInStep(result, applied);
        }
        setManagedFields(result, outcome.managers().encode());
        return result;
    }

    private record Outcome(Map<String, Object> object, Managers managers) {}

    @SuppressWarnings("unchecked")
    private static Outcome applyOnce(
            Kind kind,
            Write write,
            Map<String, Object> liveRaw,
            Map<String, ?> applied,
            Managers managers,
            String applier,
            boolean force) {
        if (managers.isEmpty()) {
            // Fields set before the first apply belong to a manager of their own.
            recordUpdate(kind, write, managers, kind.view(null), kind.view(liveRaw), "before-first-apply");
        }
        Updater.Applied merged = kind.updater.apply(
                liveRaw,
                kind.view(liveRaw),
                applied,
                managers,
                applier,
                write.kind().apiVersion(),
                force);
        managers.stripServerOwned(applier);
        if (merged.raw() == null) {
            return new Outcome(JsonTree.copyMap(liveRaw), managers);
        }
        managers.times().put(applier, timestamp(write.time()));
        return new Outcome((Map<String, Object>) merged.raw(), managers);
    }

    /** Records an update by a named manager: through a temporary one, merged into the manager's entry if anything changed. */
    private static void recordUpdate(
            Kind kind, Write write, Managers managers, Object liveView, Object newView, String manager) {
        String id = Managers.identifier(
                manager == null || manager.isEmpty() ? "unknown" : manager,
                "Update",
                write.kind().apiVersion(),
                write.subresource());
        String self = "current-operation";
        kind.updater.update(liveView, newView, managers, self, write.kind().apiVersion());
        managers.stripServerOwned(self);
        Managers.Owned current = managers.owned().remove(self);
        if (current != null) {
            Managers.Owned previous = managers.owned().get(id);
            managers.owned()
                    .put(
                            id,
                            new Managers.Owned(
                                    previous == null
                                            ? current.set()
                                            : current.set().union(previous.set()),
                                    write.kind().apiVersion(),
                                    false));
            managers.times().put(id, timestamp(write.time()));
        }
        managers.capUpdates();
    }

    private static void checkApplied(Write write, Map<String, ?> applied) {
        String apiVersion = applied.get("apiVersion") instanceof String v ? v : "";
        String kindName = applied.get("kind") instanceof String k ? k : "";
        GroupVersionKind given = GroupVersionKind.of(apiVersion, kindName);
        if (!given.equals(write.kind())) {
            throw new KubernetesException(Reason.BAD_REQUEST, "invalid object type: " + goString(given));
        }
        if (applied.get("metadata") instanceof Map<?, ?> meta && meta.get("managedFields") != null) {
            throw new KubernetesException(Reason.BAD_REQUEST, "metadata.managedFields must be nil");
        }
    }

    /** {@code namespace/name; group/version, Kind=kind}, as the API server names an object in these messages. */
    private static String describe(Write write, Map<String, ?> object) {
        Map<?, ?> meta = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        return (meta.get("namespace") instanceof String ns ? ns : "") + "/"
                + (meta.get("name") instanceof String name ? name : "") + "; " + goString(write.kind());
    }

    private static String goString(GroupVersionKind gvk) {
        return gvk.group() + "/" + gvk.version() + ", Kind=" + gvk.kind();
    }

    private static String timestamp(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Managers decodeOrEmpty(Map<String, ?> object) {
        try {
            return object == null ? new Managers() : Managers.decode(managedFields(object));
        } catch (IllegalArgumentException e) {
            return new Managers();
        }
    }

    /** Whether a body asks to clear managedFields: {@code []}, or one entry with nothing in it. */
    private static boolean isReset(Map<String, ?> object, Object given) {
        if (!(given instanceof List<?> list)) {
            return false;
        }
        if (list.isEmpty()) {
            return true;
        }
        return list.size() == 1
                && list.get(0) instanceof Map<?, ?> entry
                && entry.values().stream().allMatch(v -> v == null || "".equals(v));
    }

    private static Object managedFields(Map<String, ?> object) {
        return object.get("metadata") instanceof Map<?, ?> meta ? meta.get("managedFields") : null;
    }

    private static Map<String, Object> withoutManagedFields(Map<String, ?> object) {
        Map<String, Object> copy = JsonTree.copyMap(object);
        removeManagedFields(copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void removeManagedFields(Map<String, Object> object) {
        if (object.get("metadata") instanceof Map<?, ?> meta) {
            ((Map<String, Object>) meta).remove("managedFields");
        }
    }

    @SuppressWarnings("unchecked")
    private static void setManagedFields(Map<String, Object> object, List<Map<String, Object>> entries) {
        removeManagedFields(object);
        if (entries == null) {
            return;
        }
        Map<String, Object> meta = object.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        if (meta == null) {
            meta = new LinkedHashMap<>();
            object.put("metadata", meta);
        }
        meta.put("managedFields", entries);
    }

    private static PathElement field(String name) {
        return new PathElement.Field(name);
    }

    /** What one write knows of its kind: the schema's root node, how objects are seen, the fields it ignores. */
    private static final class Kind {
        /** The empty object of each built-in kind (what a create is compared with), decoded once. */
        private static final Map<ObjectSchema, Map<String, Object>> ZERO =
                new java.util.concurrent.ConcurrentHashMap<>();

        final TypeNode root;
        final ObjectSchema builtin;
        final GroupVersionKind gvk;
        final Updater updater;

        Kind(Write write) {
            root = TypeNode.root(write.schema(), write.customResource());
            builtin = write.schema() != null && !write.customResource() ? write.schema() : null;
            gvk = write.kind();
            updater = new Updater(root, ignored(write));
        }

        /**
         * The object as the field manager compares it ({@code null}: the empty object of a create). A built-in object
         * is seen as its Go struct: the fields Go always writes are there ({@code resources: {}}, a pod template's
         * {@code metadata}), empty {@code omitempty} ones are not; so a container's {@code ports} list is added with
         * the container, and a template's metadata never is. Other objects are unstructured: seen as they are.
         */
        Object view(Map<String, ?> object) {
            if (builtin != null && object == null) {
                return ZERO.computeIfAbsent(
                        builtin,
                        schema -> JsonTree.freezeMap(
                                TypedDecoder.decode(schema, Map.of(), true, gvk).object()));
            }
            if (builtin != null) {
                try {
                    return TypedDecoder.decode(builtin, object, true, gvk).object();
                } catch (KubernetesException e) {
                    return object; // stored data the decoder refuses (a direct write) is compared as it is
                }
            }
            return object == null ? new LinkedHashMap<>() : object;
        }

        /** The main endpoint of a resource with a status subresource owns no status; {@code /status} owns only status. */
        private static UnaryOperator<FieldSet> ignored(Write write) {
            PathElement status = field("status");
            if ("status".equals(write.subresource())) {
                return set -> set.onlyUnder(status);
            }
            if (write.subresource() == null && write.statusSubresource()) {
                FieldSet statusOnly = FieldSet.of(List.of(List.of(status)));
                return set -> set.recursiveDifference(statusOnly);
            }
            return UnaryOperator.identity();
        }
    }
}
