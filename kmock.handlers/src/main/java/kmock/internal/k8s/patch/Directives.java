package kmock.internal.k8s.patch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The directives of strategic merge patch ({@code $patch}, {@code $retainKeys}, {@code $setElementOrder/<list>},
 * {@code $deleteFromPrimitiveList/<list>}) and the clean-up of patch values taken over as they are.
 */
final class Directives {

    static final String PATCH = "$patch";
    static final String REPLACE = "replace";
    static final String DELETE = "delete";
    static final String MERGE = "merge";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

    /** What {@link #withoutPatchMaps} answers for a value that is itself a {@code $patch} map. */
    static final Object DROPPED = new Object();

    private Directives() {}

    /** The list a {@code <prefix>/<list>} key names; any other shape is the given 400. */
    static String listKey(String key, String prefix, String malformed) {
        String[] parts = key.split("/", 2);
        if (parts.length < 2 || !parts[0].equals(prefix)) {
            throw SmpErrors.badRequest(malformed);
        }
        return parts[1];
    }

    /** Drops {@code null} values from the maps of a patch value, at every depth (list items stay). */
    static void dropNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.values().removeIf(v -> v == null);
            map.values().forEach(Directives::dropNulls);
        } else if (value instanceof List<?> list) {
            list.forEach(Directives::dropNulls);
        }
    }

    /**
     * A patch value without the maps that carry {@code $patch} (those are instructions about something absent):
     * {@link #DROPPED} when the value itself is one. Changes the value in place.
     */
    @SuppressWarnings("unchecked")
    static Object withoutPatchMaps(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey(PATCH)) {
                return DROPPED;
            }
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Object, Object> entry = (Map.Entry<Object, Object>) it.next();
                Object kept = withoutPatchMaps(entry.getValue());
                if (kept == DROPPED) {
                    it.remove();
                } else {
                    entry.setValue(kept);
                }
            }
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> kept = new ArrayList<>(list.size());
            for (Object item : list) {
                Object cleaned = withoutPatchMaps(item);
                if (cleaned != DROPPED) {
                    kept.add(cleaned);
                }
            }
            return kept;
        }
        return value;
    }

    /**
     * Removes every directive key left in a result. The patch library keeps them where it takes patch content over
     * unmerged (a new list item, a replaced list); kube-apiserver then drops them as unknown fields when it decodes
     * the result into its Go type, so they never reach storage.
     */
    static void strip(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.keySet().removeIf(key -> key instanceof String name && isDirective(name));
            map.values().forEach(Directives::strip);
        } else if (value instanceof List<?> list) {
            list.forEach(Directives::strip);
        }
    }

    private static boolean isDirective(String key) {
        return key.equals(PATCH)
                || key.equals(RETAIN_KEYS)
                || key.startsWith(SET_ELEMENT_ORDER)
                || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    }
}
