package kmock.internal.k8s.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * Reads an object the way the API server's decoding does before anything else looks at it: fields the schema does
 * not declare are dropped (and reported, for {@code fieldValidation}), values of the wrong JSON type are refused,
 * and for built-in kinds the object comes out as Go's {@code encoding/json} writes the typed struct: fields in
 * declaration order, map keys sorted, zero values written where Go writes them ({@code resources: {}},
 * {@code creationTimestamp: null}) and left out where {@code omitempty} drops them, times in UTC whole seconds.
 * Custom resources keep their values as given (their schema validation reports wrong types) with keys sorted, as
 * the API server stores unstructured objects.
 */
public final class TypedDecoder {

    private static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");

    /**
     * The decoded object and what was dropped.
     *
     * @param object        the object as the API server would hold it
     * @param unknownFields the paths of the dropped fields, e.g. {@code spec.template.spec.containers[0].foo}
     */
    public record Decoded(Map<String, Object> object, List<String> unknownFields) {}

    private final boolean goTypes;
    private final String kind;
    private final String version;
    private final List<String> unknown = new ArrayList<>();
    /** The Go struct holding the value being decoded, as Go names it in its errors. */
    private String struct;

    private TypedDecoder(boolean goTypes, String kind, String version) {
        this.goTypes = goTypes;
        this.kind = kind;
        this.version = version;
    }

    /**
     * Decodes an object of a kind.
     *
     * @param schema  the kind's schema
     * @param object  the object as the client sent it (or as a patch made it)
     * @param builtIn whether the kind is a built-in one, decoded into Go structs
     * @param gvk     the kind, for messages
     * @throws KubernetesException 400 when a value has the wrong type for a built-in kind
     */
    @SuppressWarnings("unchecked")
    public static Decoded decode(ObjectSchema schema, Map<String, ?> object, boolean builtIn, GroupVersionKind gvk) {
        TypedDecoder decoder = new TypedDecoder(builtIn, gvk.kind(), gvk.version());
        Object decoded = decoder.value(schema, object, "");
        return new Decoded((Map<String, Object>) decoded, List.copyOf(decoder.unknown));
    }

    private Object value(Schema schema, Object value, String path) {
        if (schema instanceof ObjectSchema object) {
            return object(object, value, path);
        }
        if (schema instanceof ListSchema list) {
            return list(list, value, path);
        }
        if (schema instanceof MapSchema map) {
            return map(map, value, path);
        }
        if (schema instanceof ScalarSchema scalar) {
            return scalar(scalar, value, path);
        }
        return value;
    }

    private Map<String, Object> object(ObjectSchema schema, Object value, String path) {
        if (!(value instanceof Map<?, ?> given)) {
            throw typeError(value, path, "object");
        }
        Map<String, Object> result = goTypes ? new LinkedHashMap<>() : new TreeMap<>();
        String outer = struct;
        // Decoding errors below name this struct; nested objects set their own and restore this one.
        struct = schema.name().substring(schema.name().lastIndexOf('.') + 1);
        for (Field field : schema.fields().values()) {
            Object raw = given.get(field.name());
            if (raw != null) {
                Object decoded = value(field.schema(), raw, join(path, field.name()));
                if (!goTypes || !omitted(field, decoded)) {
                    result.put(field.name(), decoded);
                }
            } else if (goTypes && !field.pointer()) {
                Object zero = zero(field);
                if (zero != Omitted.OMITTED) {
                    result.put(field.name(), zero);
                }
            } else if (!goTypes
                    && given.containsKey(field.name())
                    && field.schema().constraints().nullable()) {
                result.put(field.name(), null); // a CRD's nullable field keeps its null; other nulls are pruned
            }
        }
        for (Map.Entry<?, ?> entry : given.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (schema.field(name) == null) {
                if (schema.preservesUnknownFields()) {
                    result.put(name, entry.getValue());
                } else {
                    unknown.add(join(path, name));
                }
            }
        }
        struct = outer;
        return goTypes ? result : new LinkedHashMap<>(result);
    }

    private List<Object> list(ListSchema schema, Object value, String path) {
        if (!(value instanceof List<?> given)) {
            throw typeError(value, path, "array");
        }
        List<Object> result = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            Object item = given.get(i);
            result.add(
                    item == null
                            ? (goTypes ? zeroOf(schema.items()) : null)
                            : value(schema.items(), item, path + "[" + i + "]"));
        }
        return result;
    }

    private Map<String, Object> map(MapSchema schema, Object value, String path) {
        if (!(value instanceof Map<?, ?> given)) {
            throw typeError(value, path, "object");
        }
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : given.entrySet()) {
            Object item = entry.getValue();
            String key = String.valueOf(entry.getKey());
            sorted.put(
                    key,
                    item == null
                            ? (goTypes ? zeroOf(schema.values()) : null)
                            : value(schema.values(), item, join(path, key)));
        }
        return new LinkedHashMap<>(sorted);
    }

    private Object scalar(ScalarSchema schema, Object value, String path) {
        if (!goTypes) {
            return value; // the CRD's schema validation reports wrong types, as 422
        }
        return switch (schema.type()) {
            case STRING, BYTES, DURATION -> {
                if (!(value instanceof String)) {
                    throw typeError(value, path, "string");
                }
                yield value;
            }
            case DATE_TIME, MICRO_TIME -> time(value, path, schema.type() == ScalarSchema.Type.MICRO_TIME);
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw typeError(value, path, "bool");
                }
                yield value;
            }
            case INT32, INT64, INTEGER -> integer(value, path, schema.type());
            case DOUBLE, NUMBER -> {
                if (!(value instanceof Number)) {
                    throw typeError(value, path, "float64");
                }
                yield value;
            }
            case QUANTITY -> quantity(value, path);
            case INT_OR_STRING -> {
                if (value instanceof String) {
                    yield value;
                }
                yield integer(value, path, ScalarSchema.Type.INT32);
            }
        };
    }

    private Object integer(Object value, String path, ScalarSchema.Type type) {
        String goType = type == ScalarSchema.Type.INT32 ? "int32" : "int64";
        if (!(value instanceof Number number)) {
            throw typeError(value, path, goType);
        }
        BigInteger whole;
        try {
            whole = new BigDecimal(number.toString()).toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw decodeError("json: cannot unmarshal number " + number + " into Go struct field " + fieldName(path)
                    + " of type " + goType);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            throw decodeError("json: cannot unmarshal number " + number + " into Go struct field " + fieldName(path)
                    + " of type " + goType);
        }
        boolean fits = type == ScalarSchema.Type.INT32 ? whole.bitLength() < 32 : whole.bitLength() < 64;
        if (!fits) {
            throw decodeError("json: cannot unmarshal number " + number + " into Go struct field " + fieldName(path)
                    + " of type " + goType);
        }
        return whole.bitLength() < 32 ? (Object) whole.intValue() : (Object) whole.longValue();
    }

    private Object quantity(Object value, String path) {
        String text = value instanceof Number number
                ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                : value instanceof String s ? s.trim() : null;
        if (text == null) {
            throw typeError(value, path, "resource.Quantity");
        }
        Quantity quantity = QUANTITY.matcher(text).matches() ? Quantity.parse(text) : null;
        if (quantity == null) {
            throw decodeError(
                    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
        return quantity.canonical();
    }

    private Object time(Object value, String path, boolean micro) {
        if (!(value instanceof String text)) {
            throw typeError(value, path, micro ? "v1.MicroTime" : "v1.Time");
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            OffsetDateTime utc = parsed.withOffsetSameInstant(ZoneOffset.UTC);
            return micro
                    ? DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
                            .format(utc.truncatedTo(ChronoUnit.MICROS))
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(utc.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            throw decodeError("parsing time \"" + text + "\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"" + text
                    + "\" as RFC 3339");
        }
    }

    /** Whether Go's {@code omitempty} leaves a decoded value out. Structs (and the scalars that are structs in Go) stay. */
    private static boolean omitted(Field field, Object value) {
        if (!field.omitEmpty() || field.pointer()) {
            return false;
        }
        Schema schema = field.schema();
        if (schema instanceof ObjectSchema || schema instanceof AnySchema) {
            return false;
        }
        if (schema instanceof ScalarSchema scalar && isStruct(scalar.type())) {
            return false;
        }
        return isEmpty(value);
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || Boolean.FALSE.equals(value)
                || "".equals(value)
                || (value instanceof Number number && new BigDecimal(number.toString()).signum() == 0)
                || (value instanceof List<?> list && list.isEmpty())
                || (value instanceof Map<?, ?> map && map.isEmpty());
    }

    /** What Go writes for an absent non-pointer field: {@link Omitted#OMITTED} when {@code omitempty} drops it. */
    private Object zero(Field field) {
        Schema schema = field.schema();
        boolean struct = schema instanceof ObjectSchema
                || schema instanceof AnySchema
                || (schema instanceof ScalarSchema scalar && isStruct(scalar.type()));
        if (field.omitEmpty() && !struct) {
            return Omitted.OMITTED;
        }
        return zeroOf(schema);
    }

    private Object zeroOf(Schema schema) {
        if (schema instanceof ObjectSchema object) {
            return object(object, Map.of(), "");
        }
        if (!(schema instanceof ScalarSchema scalar)) {
            return null; // nil slices, maps and raw JSON
        }
        return switch (scalar.type()) {
            case STRING -> "";
            case BOOLEAN -> false;
            case INT32, INT64, INTEGER, INT_OR_STRING, DOUBLE, NUMBER -> 0;
            case BYTES, DATE_TIME, MICRO_TIME -> null;
            case DURATION -> "0s";
            case QUANTITY -> "0";
        };
    }

    /** The scalars that Go holds in a struct, which {@code omitempty} never drops. */
    private static boolean isStruct(ScalarSchema.Type type) {
        return switch (type) {
            case DATE_TIME, MICRO_TIME, DURATION, QUANTITY, INT_OR_STRING -> true;
            default -> false;
        };
    }

    private KubernetesException typeError(Object value, String path, String goType) {
        if (!goTypes) {
            return new KubernetesException(
                    Reason.BAD_REQUEST,
                    kind + " in version \"" + version + "\" cannot be handled as a " + kind + ": "
                            + (path.isEmpty() ? "the object" : path) + " must be of type " + goType);
        }
        String json = value instanceof String
                ? "string"
                : value instanceof Number
                        ? "number " + value
                        : value instanceof Boolean ? "bool" : value instanceof List ? "array" : "object";
        if (path.isEmpty()) {
            return decodeError("json: cannot unmarshal " + json + " into Go value of type " + goType);
        }
        return decodeError(
                "json: cannot unmarshal " + json + " into Go struct field " + fieldName(path) + " of type " + goType);
    }

    private KubernetesException decodeError(String detail) {
        return new KubernetesException(
                Reason.BAD_REQUEST,
                kind + " in version \"" + version + "\" cannot be handled as a " + kind + ": " + detail);
    }

    /** How Go names a struct field in a decoding error: the kind and the dotted JSON path. */
    private String fieldName(String path) {
        return (struct == null ? kind : struct) + "." + path.replaceAll("\\[\\d+]", "");
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private enum Omitted {
        OMITTED
    }
}
