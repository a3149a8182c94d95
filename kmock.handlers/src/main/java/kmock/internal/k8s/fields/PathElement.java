package kmock.internal.k8s.fields;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.json.Json;

/**
 * One step of a field path, as structured-merge-diff defines it: a field of an object or map, an item of an
 * associative list by its key fields, an item of a set by its value, or an item of an atomic list by its index.
 * Elements are ordered (fields first, then keys, values, indexes), which fixes the order of FieldsV1 keys.
 */
public sealed interface PathElement extends Comparable<PathElement> {

    /** The text of this element in FieldsV1: {@code f:name}, {@code k:{"name":"x"}}, {@code v:"x"} or {@code i:0}. */
    String fieldsV1();

    /** The text of this element in a printed path (conflict messages): {@code .name}, {@code [name="x"]}, {@code [="x"]}, {@code [0]}. */
    @Override
    String toString();

    /** The rank of this kind of element in the order of elements. */
    int rank();

    @Override
    default int compareTo(PathElement other) {
        int c = Integer.compare(rank(), other.rank());
        if (c != 0) {
            return c;
        }
        if (this instanceof Field f) {
            return f.name().compareTo(((Field) other).name());
        }
        if (this instanceof Key k) {
            return k.compareKeys((Key) other);
        }
        if (this instanceof Value v) {
            return JsonValues.compare(v.value(), ((Value) other).value());
        }
        return Integer.compare(((Index) this).index(), ((Index) other).index());
    }

    /** A field of an object, or a key of a map. @param name the field name */
    record Field(String name) implements PathElement {
        @Override
        public String fieldsV1() {
            return "f:" + name;
        }

        @Override
        public String toString() {
            return "." + name;
        }

        @Override
        public int rank() {
            return 0;
        }
    }

    /**
     * An item of an associative list, by the values of its key fields.
     *
     * @param fields the key fields and their values, sorted by field name
     */
    record Key(List<Map.Entry<String, Object>> fields) implements PathElement {

        /** Sorts and copies the key fields; numbers become canonical. */
        public Key {
            List<Map.Entry<String, Object>> sorted = new ArrayList<>();
            for (Map.Entry<String, Object> field : fields) {
                sorted.add(
                        new AbstractMap.SimpleImmutableEntry<>(field.getKey(), JsonValues.canonical(field.getValue())));
            }
            sorted.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
            fields = java.util.Collections.unmodifiableList(sorted);
        }

        /** A key from field names and values in any order. */
        public static Key of(Map<String, Object> values) {
            return new Key(new ArrayList<>(values.entrySet()));
        }

        int compareKeys(Key other) {
            for (int i = 0; ; i++) {
                if (i >= fields.size() || i >= other.fields.size()) {
                    return Integer.compare(fields.size(), other.fields.size());
                }
                int c = fields.get(i).getKey().compareTo(other.fields.get(i).getKey());
                if (c == 0) {
                    c = JsonValues.compare(
                            fields.get(i).getValue(), other.fields.get(i).getValue());
                }
                if (c != 0) {
                    return c;
                }
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && compareKeys(key) == 0;
        }

        @Override
        public int hashCode() {
            return fields.stream().mapToInt(e -> e.getKey().hashCode()).sum();
        }

        @Override
        public String fieldsV1() {
            StringBuilder out = new StringBuilder("k:{");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonValues.quoteJson(out, fields.get(i).getKey());
                out.append(':');
                JsonValues.writeJson(out, fields.get(i).getValue());
            }
            return out.append('}').toString();
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Object> field : fields) {
                parts.add(field.getKey() + "=" + JsonValues.display(field.getValue()));
            }
            return "[" + String.join(",", parts) + "]";
        }

        @Override
        public int rank() {
            return 1;
        }
    }

    /** An item of a set (a list of scalars), by its value. @param value a string, number or boolean */
    record Value(Object value) implements PathElement {
        /** Makes numbers canonical. */
        public Value {
            value = JsonValues.canonical(value);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Value v && JsonValues.compare(value, v.value) == 0;
        }

        @Override
        public int hashCode() {
            return value instanceof Number ? 0 : java.util.Objects.hashCode(value);
        }

        @Override
        public String fieldsV1() {
            return "v:" + JsonValues.json(value);
        }

        @Override
        public String toString() {
            return "[=" + JsonValues.display(value) + "]";
        }

        @Override
        public int rank() {
            return 2;
        }
    }

    /** An item of an atomic list, by its position. @param index the position */
    record Index(int index) implements PathElement {
        @Override
        public String fieldsV1() {
            return "i:" + index;
        }

        @Override
        public String toString() {
            return "[" + index + "]";
        }

        @Override
        public int rank() {
            return 3;
        }
    }

    /**
     * Reads a FieldsV1 key.
     *
     * @return the element, or {@code null} for a prefix this version does not know (the API server skips those)
     * @throws IllegalArgumentException when the key is malformed
     */
    static PathElement parse(String text) {
        if (text.length() < 2 || text.charAt(1) != ':') {
            throw new IllegalArgumentException("a FieldsV1 key needs a one-letter prefix and a colon: " + text);
        }
        String body = text.substring(2);
        return switch (text.charAt(0)) {
            case 'f' -> new Field(body);
            case 'v' -> new Value(Json.parse(body));
            case 'i' -> new Index(Integer.parseInt(body));
            case 'k' -> {
                if (!(Json.parse(body) instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("a k: key needs a JSON object: " + text);
                }
                Map<String, Object> values = new LinkedHashMap<>();
                map.forEach((k, v) -> values.put(String.valueOf(k), v));
                yield Key.of(values);
            }
            default -> null;
        };
    }
}
