package kmock.internal.k8s.controllers;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.store.JsonTree;

/**
 * Reading and editing objects as the store keeps them (plain JSON maps and lists), for the controllers: paths that
 * may be absent, metadata, mutable children made on demand, timestamps, and the comparison that decides whether a
 * controller's write would change anything.
 */
public final class Tree {

    private Tree() {}

    /** A value as a map, or an empty map when it is none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A value as a list, or an empty list when it is none. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The value at a path of keys, or {@code null}. */
    public static Object at(Map<String, ?> root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    /** The string at a path, or {@code null} when absent or not a string. */
    public static String string(Map<String, ?> root, String... path) {
        return at(root, path) instanceof String text ? text : null;
    }

    /** The string at a path, or {@code fallback}. */
    public static String stringOr(Map<String, ?> root, String fallback, String... path) {
        String text = string(root, path);
        return text == null ? fallback : text;
    }

    /** The whole number at a path, or {@code fallback}. */
    public static long number(Map<String, ?> root, long fallback, String... path) {
        return at(root, path) instanceof Number number ? number.longValue() : fallback;
    }

    /** Whether the value at a path is {@code true}. */
    public static boolean isTrue(Map<String, ?> root, String... path) {
        return Boolean.TRUE.equals(at(root, path));
    }

    /** An object's metadata (empty when absent). */
    public static Map<String, Object> meta(Map<String, ?> object) {
        return map(object.get("metadata"));
    }

    /** An object's name. */
    public static String name(Map<String, ?> object) {
        return string(meta(object), "name");
    }

    /** An object's namespace, or {@code null}. */
    public static String namespace(Map<String, ?> object) {
        return string(meta(object), "namespace");
    }

    /** An object's uid, or {@code null}. */
    public static String uid(Map<String, ?> object) {
        return string(meta(object), "uid");
    }

    /** An object's labels. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> labels(Map<String, ?> object) {
        return (Map<String, String>) (Map<?, ?>) map(meta(object).get("labels"));
    }

    /** An object's annotations. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> annotations(Map<String, ?> object) {
        return (Map<String, String>) (Map<?, ?>) map(meta(object).get("annotations"));
    }

    /** Whether an object carries a deletionTimestamp. */
    public static boolean deleting(Map<String, ?> object) {
        return meta(object).get("deletionTimestamp") != null;
    }

    /** An object's finalizers. */
    public static List<Object> finalizers(Map<String, ?> object) {
        return list(meta(object).get("finalizers"));
    }

    /** The map under a key of a mutable map, made (and put) when absent. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Map<?, ?> map) {
            if (map instanceof LinkedHashMap<?, ?>) {
                return (Map<String, Object>) map;
            }
            Map<String, Object> copy = JsonTree.copyMap((Map<String, ?>) map);
            parent.put(key, copy);
            return copy;
        }
        Map<String, Object> made = new LinkedHashMap<>();
        parent.put(key, made);
        return made;
    }

    /** The list under a key of a mutable map, made (and put) when absent. */
    @SuppressWarnings("unchecked")
    public static List<Object> childList(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof ArrayList<?> list) {
            return (List<Object>) list;
        }
        List<Object> made = value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        parent.put(key, made);
        return made;
    }

    /** A deep, mutable copy. */
    public static Map<String, Object> copy(Map<String, ?> object) {
        return JsonTree.copyMap(object);
    }

    /** A deep, mutable copy of any JSON value. */
    public static Object copyValue(Object value) {
        return JsonTree.copy(value);
    }

    /** A map of pairs in order (values may be {@code null}). */
    public static Map<String, Object> object(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /**
     * Whether two objects say the same once the values Go omits are dropped from both: {@code null}, zero, {@code ""},
     * {@code false}, and empty lists and maps. Stored objects went through the kind's Go types, so a status written
     * with {@code replicas: 0} reads back without it; comparing this way keeps a controller from writing it again.
     */
    public static boolean same(Object a, Object b) {
        boolean zeroA = zero(a);
        boolean zeroB = zero(b);
        if (zeroA || zeroB) {
            return zeroA && zeroB;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            for (Map.Entry<?, ?> entry : ma.entrySet()) {
                if (!same(entry.getValue(), mb.get(entry.getKey()))) {
                    return false;
                }
            }
            for (Map.Entry<?, ?> entry : mb.entrySet()) {
                if (!ma.containsKey(entry.getKey()) && !zero(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!same(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return JsonTree.same(a, b);
    }

    /** Whether Go omits a value as empty: {@code null}, zero, {@code ""}, {@code false}, an empty list, or a map of such. */
    private static boolean zero(Object value) {
        if (value == null || "".equals(value) || Boolean.FALSE.equals(value)) {
            return true;
        }
        if (value instanceof Number number) {
            return number.doubleValue() == 0;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                if (!zero(item)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty();
        }
        return false;
    }

    /** An instant as Kubernetes writes timestamps: RFC 3339 in UTC, whole seconds. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A timestamp read back, or {@code null} when absent or malformed. */
    public static Instant time(Object text) {
        if (!(text instanceof String value) || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
