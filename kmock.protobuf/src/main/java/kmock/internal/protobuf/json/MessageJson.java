package kmock.internal.protobuf.json;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * A decoded Kubernetes protobuf message as the JSON that Kubernetes (Go's encoding/json) would write for the same
 * object, in plain values: maps, lists, strings, {@code Integer}/{@code Long}, {@code Double}, booleans, null.
 *
 * <p>Go puts every non-pointer field on the wire, zero or not, so presence on the wire decides only for pointers,
 * lists and maps; the {@link GoShapes} say which fields are pointers, which omit zero values, which are embedded
 * structs to flatten, and their JSON names. A message the shapes do not know is written with its protobuf names,
 * zero scalars and empty lists left out. The values equal what a JSON parser gives for Kubernetes' JSON text:
 * integral numbers are {@code Integer} when they fit, else {@code Long}; bytes are base64 strings; map keys are
 * sorted, as Go sorts them.
 */
public final class MessageJson {

    /** Marks a field that JSON leaves out (a {@code null} value is written as JSON null). */
    private static final Object OMIT = new Object();

    private final GoShapes shapes;
    private final Function<byte[], Object> embedded;

    /**
     * @param shapes   how Go writes each field
     * @param embedded decodes the bytes a {@code RawExtension} (or similar) carries: JSON text, or a nested
     *                 {@code k8s\0} protobuf body; throws {@link IllegalArgumentException} when it cannot
     */
    public MessageJson(GoShapes shapes, Function<byte[], Object> embedded) {
        this.shapes = shapes;
        this.embedded = embedded;
    }

    /**
     * The JSON object of a message, field by field (the envelope's apiVersion and kind are not part of it).
     *
     * @throws IllegalArgumentException when the message holds data in fields its descriptor does not know
     */
    public Map<String, Object> object(Message message) {
        Map<String, Object> object = new LinkedHashMap<>();
        writeFields(message, object);
        return object;
    }

    /** The JSON value of any message: a well-known type's own form, an array for a list type, else an object. */
    Object value(Message message) {
        Descriptor type = message.getDescriptorForType();
        UnknownFields.check(message);
        if (WellKnownTypes.handles(type)) {
            return WellKnownTypes.render(message, this);
        }
        GoShapes.Message shape = shapes.of(type.getFullName());
        if (shape != null && shape.listType() && type.getFields().size() == 1) {
            return list(message, type.getFields().get(0));
        }
        return object(message);
    }

    /** The JSON of the bytes a raw extension carries. */
    Object embedded(byte[] raw) {
        return embedded.apply(raw);
    }

    private void writeFields(Message message, Map<String, Object> out) {
        UnknownFields.check(message);
        GoShapes.Message shape = shapes.of(message.getDescriptorForType().getFullName());
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            GoShapes.Field go = shape == null ? null : shape.fields().get(field.getNumber());
            if (go != null && go.inline()) {
                // An embedded struct: encoding/json writes its fields into this object.
                if (message.hasField(field) || !go.pointer()) {
                    writeFields((Message) message.getField(field), out);
                }
                continue;
            }
            Object value = field(message, field, go);
            if (value != OMIT) {
                out.put(go == null ? field.getName() : go.jsonName(), value);
            }
        }
    }

    private Object field(Message message, FieldDescriptor field, GoShapes.Field go) {
        boolean omitEmpty = go == null || go.omitEmpty();
        if (field.isRepeated()) {
            // On the wire an empty list is no list: Go decodes it as nil, which JSON writes as null.
            if (message.getRepeatedFieldCount(field) == 0) {
                return omitEmpty ? OMIT : null;
            }
            return field.isMapField() ? map(message, field) : list(message, field);
        }
        boolean present = message.hasField(field);
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            if (!present && (go == null || go.pointer())) {
                return omitEmpty ? OMIT : null;
            }
            // A non-pointer struct: encoding/json never leaves it out, empty or not.
            return value((Message) message.getField(field));
        }
        if (go != null && (go.pointer() || field.getType() == FieldDescriptor.Type.BYTES)) {
            // A pointer, or a []byte: on the wire exactly when not nil.
            Object value = scalar(field, message.getField(field));
            if (!present) {
                return omitEmpty ? OMIT : null;
            }
            return omitEmpty && !go.pointer() && isZero(value) ? OMIT : value;
        }
        Object value = scalar(field, message.getField(field));
        return omitEmpty && isZero(value) ? OMIT : value;
    }

    private List<Object> list(Message message, FieldDescriptor field) {
        int count = message.getRepeatedFieldCount(field);
        List<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(element(field, message.getRepeatedField(field, i)));
        }
        return list;
    }

    private Map<String, Object> map(Message message, FieldDescriptor field) {
        FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        Map<String, Object> sorted = new TreeMap<>();
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            Message entry = (Message) message.getRepeatedField(field, i);
            sorted.put(String.valueOf(scalar(key, entry.getField(key))), element(value, entry.getField(value)));
        }
        return new LinkedHashMap<>(sorted);
    }

    private Object element(FieldDescriptor field, Object value) {
        return value instanceof Message nested ? value(nested) : scalar(field, value);
    }

    /** A scalar as a JSON parser would give it back from Go's JSON text. */
    private static Object scalar(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case INT, LONG -> integral(((Number) value).longValue());
            case FLOAT, DOUBLE -> floating(((Number) value).doubleValue());
            case BYTE_STRING -> Base64.getEncoder().encodeToString(((ByteString) value).toByteArray());
            case ENUM -> value.toString();
            default -> value;
        };
    }

    private static Object integral(long value) {
        return value == (int) value ? (Object) (int) value : (Object) value;
    }

    private static Object floating(double value) {
        // Go writes 2.0 as 2, which parses back as an integer.
        return Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 9e18
                ? integral((long) value)
                : (Object) value;
    }

    private static boolean isZero(Object value) {
        return value == null || value.equals("") || value.equals(0) || value.equals(0L) || value.equals(Boolean.FALSE);
    }
}
