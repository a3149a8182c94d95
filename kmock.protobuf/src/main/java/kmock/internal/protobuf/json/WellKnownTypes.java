package kmock.internal.protobuf.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * The Kubernetes types whose Go code writes its own JSON, unlike their protobuf messages: times as RFC 3339
 * strings ({@code null} when zero), durations as Go duration strings, quantities as strings, int-or-strings as
 * a number or a string, and raw extensions as the JSON they carry.
 */
final class WellKnownTypes {

    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final String RUNTIME = "k8s.io.apimachinery.pkg.runtime.";
    private static final String RESOURCE = "k8s.io.apimachinery.pkg.api.resource.";
    private static final String INT_OR_STRING = "k8s.io.apimachinery.pkg.util.intstr.IntOrString";
    private static final String APIEXTENSIONS = "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.";
    private static final Set<String> SCHEMA_UNIONS =
            Set.of("JSONSchemaPropsOrArray", "JSONSchemaPropsOrBool", "JSONSchemaPropsOrStringArray");

    // Go writes metav1.Time with whole seconds, metav1.MicroTime with six fraction digits, both in UTC.
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private WellKnownTypes() {}

    /** Whether a message is written by its own rule rather than field by field. */
    static boolean handles(Descriptor type) {
        String name = type.getFullName();
        return switch (name) {
            case META + "Time",
                    META + "MicroTime",
                    META + "Duration",
                    META + "FieldsV1",
                    RUNTIME + "RawExtension",
                    RUNTIME + "Unknown",
                    RESOURCE + "Quantity",
                    RESOURCE + "QuantityValue",
                    INT_OR_STRING -> true;
            default ->
                name.startsWith(APIEXTENSIONS)
                        && (type.getName().equals("JSON") || SCHEMA_UNIONS.contains(type.getName()));
        };
    }

    /** The JSON value of a message that {@link #handles} says is special. */
    static Object render(Message message, MessageJson json) {
        Descriptor type = message.getDescriptorForType();
        switch (type.getFullName()) {
            case META + "Time":
                return isEmpty(message) ? null : TIME.format(Instant.ofEpochSecond(number(message, 1)));
            case META + "MicroTime":
                return isEmpty(message)
                        ? null
                        : MICRO_TIME.format(Instant.ofEpochSecond(number(message, 1), number(message, 2)));
            case META + "Duration":
                return GoDuration.format(number(message, 1));
            case RESOURCE + "Quantity":
            case RESOURCE + "QuantityValue":
                // The wire carries the canonical string; an unset quantity is Go's zero Quantity, "0".
                String quantity = (String) message.getField(field(message, 1));
                return quantity.isEmpty() ? "0" : quantity;
            case INT_OR_STRING:
                return number(message, 1) == 1
                        ? message.getField(field(message, 3))
                        : (Object) (int) number(message, 2);
            case RUNTIME + "Unknown":
                // An embedded runtime.Unknown is an envelope without the magic number.
                return json.embedded(concat(new byte[] {'k', '8', 's', 0}, message.toByteArray()));
            default:
                return type.getName().equals("JSON") || !type.getFullName().startsWith(APIEXTENSIONS)
                        ? raw(message, json)
                        : schemaUnion(message, json);
        }
    }

    /** RawExtension, FieldsV1, apiextensions JSON: the JSON in their one bytes field; {@code null} when unset. */
    private static Object raw(Message message, MessageJson json) {
        FieldDescriptor field = field(message, 1);
        ByteString raw = (ByteString) message.getField(field);
        return !message.hasField(field) || raw.isEmpty() ? null : json.embedded(raw.toByteArray());
    }

    /** The schema-or-something unions of CustomResourceDefinition schemas, as their Go MarshalJSON writes them. */
    private static Object schemaUnion(Message message, MessageJson json) {
        Descriptor type = message.getDescriptorForType();
        FieldDescriptor schema = type.findFieldByName("schema");
        // The other member: allows (OrBool), jSONSchemas (OrArray), property (OrStringArray).
        FieldDescriptor other =
                type.getFields().stream().filter(f -> f != schema).findFirst().orElseThrow();
        Object schemaJson = message.hasField(schema) ? json.value((Message) message.getField(schema)) : null;
        if (!other.isRepeated()) {
            return message.hasField(schema) ? schemaJson : message.getField(other);
        }
        if (message.getRepeatedFieldCount(other) == 0) {
            return schemaJson;
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < message.getRepeatedFieldCount(other); i++) {
            Object item = message.getRepeatedField(other, i);
            items.add(item instanceof Message nested ? json.value(nested) : item);
        }
        return items;
    }

    private static boolean isEmpty(Message message) {
        return message.getAllFields().isEmpty();
    }

    private static long number(Message message, int fieldNumber) {
        return ((Number) message.getField(field(message, fieldNumber))).longValue();
    }

    private static FieldDescriptor field(Message message, int number) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByNumber(number);
        if (field == null) {
            throw new IllegalStateException(message.getDescriptorForType().getFullName() + " has no field " + number);
        }
        return field;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
