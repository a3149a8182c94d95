package kmock.internal.k8s.fields;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kmock.internal.json.Json;

/**
 * The managers of an object and the fields each owns: {@code metadata.managedFields} decoded. A manager is known
 * by its identifier, as the API server builds it: manager name, operation, subresource, and for updates the
 * apiVersion (an applier keeps one identity across versions). Mutable, for one write.
 */
final class Managers {

    /** One manager's fields. @param set the fields @param apiVersion the version they are in @param applied whether by apply */
    record Owned(FieldSet set, String apiVersion, boolean applied) {}

    /** At most this many Update entries are kept; the oldest merge into {@code ancient-changes}. */
    private static final int MAX_UPDATE_MANAGERS = 10;
    /** Identifiers are few (manager, operation, version, subresource) and read on every write: their parts, once. */
    private static final Map<String, Map<?, ?>> PARTS = new ConcurrentHashMap<>();

    private static final int MAX_CACHED_PARTS = 4096;
    /** Fields nobody owns: the type, and the metadata the server sets. */
    private static final FieldSet SERVER_OWNED = serverOwned();

    private final Map<String, Owned> owned = new LinkedHashMap<>();
    private final Map<String, String> times = new LinkedHashMap<>();

    /** The identifier of a manager: the JSON of its entry without fields, time, and (for an applier) apiVersion. */
    static String identifier(String manager, String operation, String apiVersion, String subresource) {
        StringBuilder out = new StringBuilder("{");
        appendField(out, "manager", manager);
        appendField(out, "operation", operation);
        appendField(out, "apiVersion", "Apply".equals(operation) ? null : apiVersion);
        appendField(out, "subresource", subresource);
        return out.append('}').toString();
    }

    private static void appendField(StringBuilder out, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (out.length() > 1) {
            out.append(',');
        }
        JsonValues.quoteJson(out, name);
        out.append(':');
        JsonValues.quoteJson(out, value);
    }

    /** The parts of an identifier: manager, operation, apiVersion, subresource (absent ones {@code null}); read-only. */
    static Map<?, ?> parts(String identifier) {
        Map<?, ?> parts = PARTS.get(identifier);
        if (parts == null) {
            parts = Collections.unmodifiableMap((Map<?, ?>) Json.parse(identifier));
            if (PARTS.size() < MAX_CACHED_PARTS) {
                PARTS.put(identifier, parts);
            }
        }
        return parts;
    }

    /**
     * Reads {@code metadata.managedFields}.
     *
     * @throws IllegalArgumentException for an entry the API server would not decode (its operation, apiVersion,
     *                                  fieldsType or fields)
     */
    static Managers decode(Object managedFields) {
        Managers managers = new Managers();
        if (managedFields == null) {
            return managers;
        }
        if (!(managedFields instanceof List<?> entries)) {
            throw new IllegalArgumentException("managedFields must be a list");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException("managedFields entry " + i + " must be an object");
            }
            String operation = text(entry, "operation");
            if (!"Apply".equals(operation) && !"Update".equals(operation)) {
                throw new IllegalArgumentException("operation must be `Apply` or `Update`");
            }
            String apiVersion = text(entry, "apiVersion");
            if (apiVersion == null || apiVersion.isEmpty()) {
                throw new IllegalArgumentException("apiVersion must not be empty");
            }
            String fieldsType = text(entry, "fieldsType");
            if (fieldsType == null || fieldsType.isEmpty()) {
                throw new IllegalArgumentException("missing fieldsType in managed fields entry " + i);
            }
            if (!fieldsType.equals("FieldsV1")) {
                throw new IllegalArgumentException(
                        "invalid fieldsType \"" + fieldsType + "\" in managed fields entry " + i);
            }
            String id = identifier(text(entry, "manager"), operation, apiVersion, text(entry, "subresource"));
            Object fields = entry.get("fieldsV1");
            managers.owned.put(
                    id,
                    new Owned(
                            fields == null ? new FieldSet() : FieldsV1.decode(fields),
                            apiVersion,
                            operation.equals("Apply")));
            managers.times.put(id, text(entry, "time"));
        }
        return managers;
    }

    private static String text(Map<?, ?> entry, String key) {
        return entry.get(key) instanceof String value ? value : null;
    }

    /** The entries of {@code metadata.managedFields}, in the API server's order; {@code null} when nobody owns anything. */
    List<Map<String, Object>> encode() {
        if (owned.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        owned.forEach((id, fields) -> {
            Map<?, ?> parts = parts(id);
            Map<String, Object> entry = new LinkedHashMap<>();
            if (parts.get("manager") != null) {
                entry.put("manager", parts.get("manager"));
            }
            entry.put("operation", fields.applied() ? "Apply" : parts.get("operation"));
            entry.put("apiVersion", fields.apiVersion());
            if (times.get(id) != null) {
                entry.put("time", times.get(id));
            }
            entry.put("fieldsType", "FieldsV1");
            entry.put("fieldsV1", FieldsV1.encode(fields.set()));
            if (parts.get("subresource") != null) {
                entry.put("subresource", parts.get("subresource"));
            }
            entries.add(entry);
        });
        entries.sort(Comparator.<Map<String, Object>, String>comparing(e -> (String) e.get("operation"))
                .thenComparingLong(e -> seconds((String) e.get("time")))
                .thenComparing(e -> (String) e.getOrDefault("manager", ""))
                .thenComparing(e -> (String) e.get("apiVersion"))
                .thenComparing(e -> e.get("subresource") == null ? "" : (String) e.get("subresource")));
        return entries;
    }

    static long seconds(String time) {
        if (time == null) {
            return 0;
        }
        try {
            return Instant.parse(time).getEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    /** The managers and their fields, by identifier (live: changes show in this object). */
    Map<String, Owned> owned() {
        return owned;
    }

    /** The times of the managers' last changes, by identifier (live). */
    Map<String, String> times() {
        return times;
    }

    /** Whether no manager owns anything. */
    boolean isEmpty() {
        return owned.isEmpty();
    }

    /** Takes the type and the server's metadata out of a manager's fields; a manager left with nothing goes. */
    void stripServerOwned(String id) {
        Owned fields = owned.get(id);
        if (fields != null) {
            FieldSet rest = fields.set().difference(SERVER_OWNED);
            if (rest.isEmpty()) {
                owned.remove(id);
            } else {
                owned.put(id, new Owned(rest, fields.apiVersion(), fields.applied()));
            }
        }
    }

    /** Past ten Update entries, merges the oldest into one {@code ancient-changes} entry per apiVersion. */
    void capUpdates() {
        List<String> updaters = new ArrayList<>(owned.entrySet().stream()
                .filter(e -> !e.getValue().applied())
                .map(Map.Entry::getKey)
                .toList());
        if (updaters.size() <= MAX_UPDATE_MANAGERS) {
            return;
        }
        updaters.sort(Comparator.<String>comparingLong(id -> seconds(times.get(id)))
                .thenComparing(Comparator.naturalOrder()));
        Map<String, String> firstOfVersion = new LinkedHashMap<>();
        int length = updaters.size();
        for (int i = 0; i < updaters.size() && length > MAX_UPDATE_MANAGERS; i++) {
            String id = updaters.get(i);
            Owned fields = owned.get(id);
            String bucket = identifier("ancient-changes", "Update", fields.apiVersion(), null);
            String first = firstOfVersion.putIfAbsent(fields.apiVersion(), id);
            if (first == null) {
                continue;
            }
            if (!owned.containsKey(bucket)) {
                owned.put(bucket, owned.remove(first));
            }
            owned.put(bucket, new Owned(fields.set().union(owned.get(bucket).set()), fields.apiVersion(), false));
            owned.remove(id);
            times.put(bucket, times.get(id));
            length--;
        }
    }

    private static FieldSet serverOwned() {
        FieldSet set = new FieldSet();
        set.insert(List.of(new PathElement.Field("apiVersion")));
        set.insert(List.of(new PathElement.Field("kind")));
        set.insert(List.of(new PathElement.Field("metadata")));
        for (String field : List.of(
                "name",
                "namespace",
                "creationTimestamp",
                "selfLink",
                "uid",
                "clusterName",
                "generation",
                "managedFields",
                "resourceVersion")) {
            set.insert(List.of(new PathElement.Field("metadata"), new PathElement.Field(field)));
        }
        return set;
    }

    /** A copy, for a write that may fail halfway. */
    Managers copy() {
        Managers copy = new Managers();
        copy.owned.putAll(owned);
        copy.times.putAll(times);
        return copy;
    }
}
