package kmock.internal.k8s.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.json.Json;

/**
 * Deep copies of plain JSON values (maps, lists, strings, numbers, booleans, null): frozen copies for what the
 * store keeps and hands out, so no caller can change stored state, and mutable copies for what callers edit.
 * Values of other types are normalised on the way in (arrays and collections become lists, enums their names,
 * anything else goes through the JSON codec), so the store only ever holds what a JSON parser would produce.
 */
public final class JsonTree {

    private JsonTree() {}

    /** A deep, unmodifiable copy of a value; maps keep their key order and may hold {@code null} values. */
    public static Object freeze(Object value) {
        return copy(value, true);
    }

    /** A deep, unmodifiable copy of a map (see {@link #freeze(Object)}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> freezeMap(Map<String, ?> map) {
        return map == null ? null : (Map<String, Object>) copy(map, true);
    }

    /**
     * Freezes a tree that nobody else holds (fresh from the parser, or a private copy) in place: its maps and lists
     * are wrapped unmodifiable instead of copied. Maps and lists of other kinds than the parser's are copied.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> freezeParsed(Object tree) {
        return (Map<String, Object>) freezeInPlace(tree);
    }

    @SuppressWarnings("unchecked")
    private static Object freezeInPlace(Object value) {
        if (value instanceof LinkedHashMap<?, ?> map) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                entry.setValue(freezeInPlace(entry.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (value instanceof ArrayList<?> list) {
            ((List<Object>) list).replaceAll(JsonTree::freezeInPlace);
            return Collections.unmodifiableList(list);
        }
        return freeze(value);
    }

    /** A deep, mutable copy of a value: {@link LinkedHashMap}s and {@link ArrayList}s all the way down. */
    public static Object copy(Object value) {
        return copy(value, false);
    }

    /** A deep, mutable copy of a map (see {@link #copy(Object)}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copyMap(Map<String, ?> map) {
        return map == null ? null : (Map<String, Object>) copy(map, false);
    }

    /** JSON equality: maps by entries, lists by elements, numbers by value whatever their Java type. */
    public static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : ma.entrySet()) {
                if (!mb.containsKey(entry.getKey()) || !same(entry.getValue(), mb.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ib = lb.iterator();
            for (Object item : la) {
                if (!same(item, ib.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Number na && b instanceof Number nb) {
            return sameNumber(na, nb);
        }
        return a.equals(b);
    }

    /** Numeric equality across {@code Integer}, {@code Long}, {@code BigInteger}, {@code Double} and the rest. */
    static boolean sameNumber(Number a, Number b) {
        if (a.getClass() == b.getClass()) {
            return a.equals(b);
        }
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        return x != null && y != null ? x.compareTo(y) == 0 : Double.compare(a.doubleValue(), b.doubleValue()) == 0;
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal big) {
            return big;
        }
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static Object copy(Object value, boolean frozen) {
        if (value instanceof StoredObject stored) {
            return frozen ? stored : stored.mutableCopy(); // a stored version is frozen already; a copy parses its JSON
        }
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                result.put(String.valueOf(entry.getKey()), copy(entry.getValue(), frozen));
            }
            return frozen ? Collections.unmodifiableMap(result) : result;
        }
        if (value instanceof Collection<?> items) {
            List<Object> result = new ArrayList<>(items.size());
            for (Object item : items) {
                result.add(copy(item, frozen));
            }
            return frozen ? Collections.unmodifiableList(result) : result;
        }
        if (value instanceof Object[] array) {
            return copy(java.util.Arrays.asList(array), frozen);
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Character || value instanceof CharSequence) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        // Anything else (primitive arrays, atomic numbers, model objects of Kubernetes clients) is read the way
        // the JSON codec writes it, so stored objects stay plain JSON values.
        return copy(Json.parse(Json.write(value)), frozen);
    }
}
