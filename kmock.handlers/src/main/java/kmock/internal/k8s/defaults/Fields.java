package kmock.internal.k8s.defaults;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the fields of a decoded object the way Go's defaulting functions and strategies test them: a
 * non-pointer field is unset when it holds its zero value ({@code ""}, {@code 0}, {@code false}) or is absent, a
 * pointer field only when it is absent (or {@code null}). Readers accept a {@code null} parent and read nothing.
 */
public final class Fields {

    private Fields() {}

    /** A field's value as an object, or {@code null} when it is absent or not an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> parent, String name) {
        return parent != null && parent.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** A field's value as an object, made empty first when it is absent (a Go struct that is always there). */
    public static Map<String, Object> objectOrNew(Map<String, Object> parent, String name) {
        Map<String, Object> child = object(parent, name);
        if (child == null) {
            child = new LinkedHashMap<>();
            parent.put(name, child);
        }
        return child;
    }

    /** A field's value as a list, or an empty list when it is absent or not a list. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> parent, String name) {
        return parent != null && parent.get(name) instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The objects of a list field, skipping items that are not objects. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<String, Object> parent, String name) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : list(parent, name)) {
            if (item instanceof Map<?, ?> map) {
                result.add((Map<String, Object>) map);
            }
        }
        return result;
    }

    /** A field's value as a string, or {@code ""} when it is absent or not a string (Go's zero string). */
    public static String string(Map<String, Object> parent, String name) {
        return parent != null && parent.get(name) instanceof String text ? text : "";
    }

    /** Whether a value is Go's zero value for a non-pointer field, or absent. */
    public static boolean isZero(Object value) {
        return value == null
                || "".equals(value)
                || Boolean.FALSE.equals(value)
                || (value instanceof Number number && new BigDecimal(number.toString()).signum() == 0)
                || (value instanceof List<?> list && list.isEmpty())
                || (value instanceof Map<?, ?> map && map.isEmpty());
    }

    /** Sets a non-pointer field that holds its zero value: {@code if obj.F == "" { obj.F = value }}. */
    public static void defaultValue(Map<String, Object> object, String name, Object value) {
        if (isZero(object.get(name))) {
            object.put(name, value);
        }
    }

    /** Sets a pointer (or slice, or map) field that is absent: {@code if obj.F == nil { obj.F = &value }}. */
    public static void defaultPointer(Map<String, Object> object, String name, Object value) {
        if (object.get(name) == null) {
            object.put(name, value);
        }
    }

    /** Puts an entry into a Go map, keeping the keys sorted as Go writes them. */
    public static void putSorted(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        sortKeys(map);
    }

    /** Sorts a Go map's keys in place, as Go's encoder writes them. */
    public static void sortKeys(Map<String, Object> map) {
        if (map.size() > 1) {
            Map<String, Object> sorted = new java.util.TreeMap<>(map);
            map.clear();
            map.putAll(sorted);
        }
    }

    /** Removes a map or list field that is empty: Go's {@code omitempty} drops it. */
    public static void dropIfEmpty(Map<String, Object> object, String name) {
        if (object.get(name) instanceof Map<?, ?> map && map.isEmpty()
                || object.get(name) instanceof List<?> list && list.isEmpty()) {
            object.remove(name);
        }
    }

    /** A fresh mutable map of the given entries, in order: key, value, key, value… */
    public static Map<String, Object> map(Object... entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], entries[i + 1]);
        }
        return map;
    }

    /** A fresh mutable list of the given items. */
    public static List<Object> listOf(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
