package kmock.internal.k8s.store;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import kmock.internal.json.Json;

/**
 * One stored version in the form the store keeps: its JSON text, which lists, gets and watches send as it is, and
 * its labels, which label selectors read; the tree is parsed again only when someone reads the object as a map.
 * A version whose values would not come back exactly from its JSON (a {@code Long} small enough to read back as an
 * {@code Integer}, a {@code BigDecimal}) also keeps its frozen tree, so that an object stored as given is read back
 * equal. Immutable.
 */
final class StoredVersion {

    private static final Map<String, Object> NO_LABELS = Map.of();

    final byte[] json;
    final Map<String, Object> labels;
    /** The frozen tree when the JSON would not give it back exactly, else {@code null}. */
    final Map<String, Object> exact;

    private StoredVersion(byte[] json, Map<String, Object> labels, Map<String, Object> exact) {
        this.json = json;
        this.labels = labels;
        this.exact = exact;
    }

    /**
     * The stored form of an object made only of plain JSON values (as {@link JsonTree#copyMap} makes them): written
     * as JSON once, with its labels from the interner (versions of the same labels share one map).
     */
    static StoredVersion of(Map<String, ?> object, LabelSets labelSets) {
        Map<String, Object> labels = labelSets.intern(labelsOf(object));
        if (roundTrips(object)) {
            return new StoredVersion(Json.write(object), labels, null);
        }
        Map<String, Object> frozen = JsonTree.freezeMap(object);
        return new StoredVersion(Json.write(frozen), labels, frozen);
    }

    /** The version as a frozen tree: the kept one, or parsed from the JSON. */
    Map<String, Object> tree() {
        return exact != null ? exact : JsonTree.freezeParsed(Json.parse(json));
    }

    /** A mutable deep copy, for writes that start from this version. */
    Map<String, Object> mutableCopy() {
        if (exact != null) {
            return JsonTree.copyMap(exact);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) Json.parse(json);
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labelsOf(Map<String, ?> object) {
        if (object.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("labels") instanceof Map<?, ?> labels) {
            return labels.isEmpty() ? NO_LABELS : JsonTree.freezeMap((Map<String, ?>) labels);
        }
        return NO_LABELS;
    }

    /**
     * Whether parsing the JSON of a frozen tree gives it back equal: every number of the type the parser makes for
     * its text (an {@code Integer} when it fits, a {@code Long}, a {@code BigInteger} beyond; a finite {@code Double}).
     */
    private static boolean roundTrips(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                if (!roundTrips(item)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!roundTrips(item)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Long number) {
            return number < Integer.MIN_VALUE || number > Integer.MAX_VALUE;
        }
        if (value instanceof BigInteger number) {
            return number.bitLength() > 63;
        }
        if (value instanceof Double number) {
            return Double.isFinite(number);
        }
        return false;
    }
}
