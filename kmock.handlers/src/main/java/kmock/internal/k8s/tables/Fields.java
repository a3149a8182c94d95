package kmock.internal.k8s.tables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A read-only walk through a JSON object with the zero values of Go's typed structs: an absent string reads as
 * {@code ""}, an absent number as 0, an absent list as empty. Printers read stored objects through it the way the
 * API server's printers read its typed objects, so a missing field prints as it would there.
 */
final class Fields {

    private final Object node;

    Fields(Object node) {
        this.node = node;
    }

    /** The node at a path below this one; absent parts give an empty node. */
    Fields at(String... path) {
        Object current = node;
        for (String part : path) {
            current = current instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return new Fields(current);
    }

    /** The raw value, or {@code null}. */
    Object value() {
        return node;
    }

    /** Whether a value is present (not absent and not JSON {@code null}). */
    boolean present(String... path) {
        return at(path).node != null;
    }

    /** The string at a path, {@code ""} when absent; other scalars in their JSON spelling. */
    String text(String... path) {
        Object value = at(path).node;
        if (value == null || value instanceof Map || value instanceof List) {
            return "";
        }
        return value instanceof Number number ? Numbers.text(number) : String.valueOf(value);
    }

    /** The integer at a path, 0 when absent or not a number. */
    long number(String... path) {
        return at(path).node instanceof Number number ? number.longValue() : 0;
    }

    /** The integer at a path, or {@code null} when absent (a Go pointer left nil). */
    Long optionalNumber(String... path) {
        return at(path).node instanceof Number number ? number.longValue() : null;
    }

    /** The boolean at a path, {@code false} when absent. */
    boolean bool(String... path) {
        return Boolean.TRUE.equals(at(path).node);
    }

    /** The items of the list at a path, each as a node; empty when absent. */
    List<Fields> list(String... path) {
        List<Fields> items = new ArrayList<>();
        if (at(path).node instanceof List<?> list) {
            list.forEach(item -> items.add(new Fields(item)));
        }
        return items;
    }

    /** The map at a path, empty when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String... path) {
        return at(path).node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** How many entries the map or list at a path has. */
    int size(String... path) {
        Object value = at(path).node;
        return value instanceof Map<?, ?> map ? map.size() : value instanceof List<?> list ? list.size() : 0;
    }

    /** The RFC 3339 timestamp at a path, or {@code null} when absent or unreadable (Go's zero time). */
    Instant time(String... path) {
        return Times.parse(at(path).node);
    }

    /** The object's {@code metadata.name}. */
    String name() {
        return text("metadata", "name");
    }

    /** The object's {@code metadata.creationTimestamp}, or {@code null}. */
    Instant created() {
        return time("metadata", "creationTimestamp");
    }

    /** Timestamps as Kubernetes writes them. */
    static final class Times {
        private Times() {}

        /** An RFC 3339 timestamp (with or without fractions), or {@code null}. */
        static Instant parse(Object value) {
            if (!(value instanceof String text) || text.isEmpty()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
