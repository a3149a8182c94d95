package kmock.internal.protobuf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import kmock.internal.json.Json;

/**
 * Converts a decoded Kubernetes message into the JSON that the Go types write, which a plain protobuf-to-JSON
 * conversion does not: Go puts every non-pointer field on the wire, so zero scalars ({@code ""}, {@code 0},
 * {@code false}) are dropped here as {@code omitempty} drops them, while a message on the wire stays, even empty
 * (Go never omits a struct); and the apimachinery types have JSON forms of their own (times, quantities,
 * int-or-strings, raw JSON).
 */
final class KubernetesJson {

    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The JSON forms of the apimachinery types, by full message name; everything else is an object of its fields. */
    private static final Map<String, Function<Message, Object>> SPECIAL = Map.of(
            META + "Time", message -> time(message, SECONDS),
            META + "MicroTime", message -> time(message, MICROS),
            META + "Duration", message -> goDuration(longField(message, "duration")),
            META + "FieldsV1", message -> rawJson(message, "Raw"),
            "k8s.io.apimachinery.pkg.api.resource.Quantity", message -> stringField(message, "string"),
            "k8s.io.apimachinery.pkg.util.intstr.IntOrString", KubernetesJson::intOrString,
            "k8s.io.apimachinery.pkg.runtime.RawExtension", message -> rawJson(message, "raw"));

    private KubernetesJson() {
    }

    /** The object's JSON, with {@code apiVersion} and {@code kind} first, as Kubernetes writes objects. */
    static Map<String, Object> object(String apiVersion, String kind, Message message) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", kind);
        object.put("apiVersion", apiVersion);
        object.putAll(fields(message));
        return object;
    }

    /** The JSON value of any message: its special form, or an object of its fields. */
    static Object value(Message message) {
        Function<Message, Object> special = SPECIAL.get(message.getDescriptorForType().getFullName());
        return special != null ? special.apply(message) : fields(message);
    }

    private static Map<String, Object> fields(Message message) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            Object value;
            if (field.isMapField()) {
                value = map(entry.getValue());
            } else if (field.isRepeated()) {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) entry.getValue()) {
                    items.add(single(field, item));
                }
                value = items.isEmpty() ? null : items;
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                value = value((Message) entry.getValue());
                object.put(field.getName(), value);
                continue;
            } else {
                value = zeroToNull(single(field, entry.getValue()));
            }
            if (value != null) {
                object.put(field.getName(), value);
            }
        }
        return object;
    }

    private static Object map(Object entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Object item : (List<?>) entries) {
            Message entry = (Message) item;
            Descriptor type = entry.getDescriptorForType();
            FieldDescriptor key = type.findFieldByName("key");
            FieldDescriptor value = type.findFieldByName("value");
            map.put(String.valueOf(entry.getField(key)), single(value, entry.getField(value)));
        }
        return map.isEmpty() ? null : map;
    }

    /** One value of a field: messages by their JSON form, bytes as base64 (as Go writes {@code []byte}). */
    private static Object single(FieldDescriptor field, Object value) {
        switch (field.getJavaType()) {
            case MESSAGE:
                return value((Message) value);
            case BYTE_STRING:
                return Base64.getEncoder().encodeToString(((ByteString) value).toByteArray());
            case LONG:
                return number((Long) value);
            default:
                return value;
        }
    }

    /** int64 values as the smallest boxed type, as the JSON reader produces them, so that objects compare equal. */
    private static Object number(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
    }

    private static Object zeroToNull(Object value) {
        if (value instanceof String text && text.isEmpty() || value instanceof Boolean flag && !flag
                || value instanceof Number number && number.doubleValue() == 0) {
            return null;
        }
        return value;
    }

    private static Object time(Message message, DateTimeFormatter format) {
        long seconds = longField(message, "seconds");
        long nanos = longField(message, "nanos");
        return seconds == 0 && nanos == 0 ? null : format.format(Instant.ofEpochSecond(seconds, nanos));
    }

    private static Object intOrString(Message message) {
        return longField(message, "type") == 1 ? stringField(message, "strVal") : number(longField(message, "intVal"));
    }

    private static Object rawJson(Message message, String name) {
        ByteString raw = (ByteString) message.getField(message.getDescriptorForType().findFieldByName(name));
        if (raw.isEmpty()) {
            return null;
        }
        return Json.parse(raw.toByteArray());
    }

    private static long longField(Message message, String name) {
        Object value = message.getField(message.getDescriptorForType().findFieldByName(name));
        return ((Number) value).longValue();
    }

    private static String stringField(Message message, String name) {
        return (String) message.getField(message.getDescriptorForType().findFieldByName(name));
    }

    /** Go's {@code time.Duration} text: {@code 1h2m3s}, {@code 1.5s}, {@code 0s}. */
    static String goDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(nanos < 0 ? "-" : "");
        long left = Math.abs(nanos);
        long hours = left / 3_600_000_000_000L;
        left %= 3_600_000_000_000L;
        long minutes = left / 60_000_000_000L;
        left %= 60_000_000_000L;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        BigDecimal seconds = BigDecimal.valueOf(left, 9).stripTrailingZeros();
        return text.append(seconds.toPlainString()).append('s').toString();
    }
}
