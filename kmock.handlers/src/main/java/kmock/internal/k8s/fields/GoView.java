package kmock.internal.k8s.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.AnySchema;
import kmock.internal.k8s.schema.Field;
import kmock.internal.k8s.schema.ListSchema;
import kmock.internal.k8s.schema.MapSchema;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.ScalarSchema;
import kmock.internal.k8s.schema.Schema;

/**
 * A built-in object as the API server's field manager sees it: decoded into its Go type and read back, so that
 * fields Go always writes are there (structs, and fields without {@code omitempty}), empty {@code omitempty} fields
 * and unknown fields are not. Which fields a write adds, and so where FieldsV1 has {@code .}, depends on this view:
 * a container's {@code ports} list is added with the container, a pod template's {@code metadata} never is.
 * Custom resources and kinds without a schema are unstructured: their view is the object itself.
 */
final class GoView {

    private GoView() {
    }

    /** The view of an object of a built-in kind ({@code null}: the empty object of a create). */
    static Map<String, Object> of(Map<String, ?> object, ObjectSchema schema) {
        return struct(schema, object == null ? Map.of() : object);
    }

    private static Map<String, Object> struct(ObjectSchema schema, Map<?, ?> json) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : schema.fields().values()) {
            if (json.containsKey(field.name())) {
                Object value = value(field.schema(), json.get(field.name()), field.pointer());
                if (!(field.omitEmpty() && omitted(field, value))) {
                    out.put(field.name(), value);
                }
            } else if (field.schema() instanceof ObjectSchema nested && !field.pointer()) {
                out.put(field.name(), struct(nested, Map.of()));
            } else if (!field.omitEmpty()) {
                out.put(field.name(), field.pointer() ? null : zero(field.schema()));
            }
        }
        return out;
    }

    private static Object value(Schema schema, Object value, boolean pointer) {
        if (schema instanceof ObjectSchema object) {
            if (value instanceof Map<?, ?> map) {
                return struct(object, map);
            }
            return value == null && !pointer ? struct(object, Map.of()) : value;
        }
        if (schema instanceof ListSchema list && value instanceof List<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(value(list.items(), item, false)));
            return out;
        }
        if (schema instanceof MapSchema map && value instanceof Map<?, ?> entries) {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, v) -> out.put(String.valueOf(k), value(map.values(), v, false)));
            return out;
        }
        return value;
    }

    /** Whether Go leaves an {@code omitempty} field out: nil pointers, empty slices, maps and strings, zero numbers, false. */
    private static boolean omitted(Field field, Object value) {
        if (field.pointer()) {
            return value == null;
        }
        Schema schema = field.schema();
        if (schema instanceof ObjectSchema || schema instanceof AnySchema) {
            return false;
        }
        if (schema instanceof ScalarSchema scalar && isStruct(scalar.type())) {
            return false;
        }
        return value == null || "".equals(value) || Boolean.FALSE.equals(value)
                || value instanceof Number number && number.doubleValue() == 0
                || value instanceof List<?> list && list.isEmpty() || value instanceof Map<?, ?> map && map.isEmpty();
    }

    /** Scalars that Go holds in a struct (time, quantity, int-or-string, duration): never left out as empty. */
    private static boolean isStruct(ScalarSchema.Type type) {
        return switch (type) {
            case DATE_TIME, MICRO_TIME, DURATION, QUANTITY, INT_OR_STRING -> true;
            default -> false;
        };
    }

    /** The zero value Go writes for a field without {@code omitempty}. */
    private static Object zero(Schema schema) {
        if (schema instanceof ScalarSchema scalar) {
            return switch (scalar.type()) {
                case STRING -> "";
                case BOOLEAN -> false;
                case INT32, INT64, INTEGER, INT_OR_STRING -> 0L;
                case DOUBLE, NUMBER -> 0.0;
                case DURATION -> "0s";
                case QUANTITY -> "0";
                default -> null;
            };
        }
        return null;
    }
}
