package kmock.internal.k8s.patch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order of a list after a strategic merge: the items the patch (or its {@code $setElementOrder} list) names
 * come in the patch's order, the others keep the live order, and the two are woven together by their places in the
 * live list, so that an item new to the list lands before the first live item it meets. Items are identified by
 * their merge key, or by their value in lists of scalars (an empty key).
 */
final class ListOrder {

    private ListOrder() {}

    /** The merged items split into those {@code by} names (first) and the others (second), each in merged order. */
    static List<List<Object>> partition(List<Object> merged, List<?> by, String key) {
        List<Object> named = new ArrayList<>();
        List<Object> others = new ArrayList<>();
        if (key.isEmpty()) {
            requireHashable(by);
            requireHashable(merged);
            for (Object item : merged) {
                (GoValues.contains(by, item) ? named : others).add(item);
            }
        } else {
            for (Object item : merged) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw SmpErrors.badType(GoValues.Type.MAP, item);
                }
                if (!map.containsKey(key)) {
                    throw SmpErrors.noMergeKey(map, key);
                }
                (indexByKey(by, key, map.get(key)) >= 0 ? named : others).add(item);
            }
        }
        return List.of(named, others);
    }

    /**
     * The position of the first map of a list whose merge key has the given value, or -1; an item that is not a
     * map before the match is an error, as in the API server.
     */
    static int indexByKey(List<?> list, String key, Object value) {
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw SmpErrors.unclassified("value for key " + i + " is not a map");
            }
            if (map.containsKey(key) && GoValues.same(map.get(key), value)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The final order: the patch's items sorted by {@code patchOrder}, the live-only items by {@code liveOrder},
     * then woven together by their positions in {@code liveOrder}.
     */
    static List<Object> arrange(
            List<Object> patchItems,
            List<Object> liveItems,
            List<?> patchOrder,
            List<?> liveOrder,
            String key,
            boolean maps) {
        List<Object> fromPatch = sort(patchItems, patchOrder, key, maps);
        List<Object> fromLive = sort(liveItems, liveOrder, key, maps);
        List<Object> result = new ArrayList<>(fromPatch.size() + fromLive.size());
        int i = 0;
        int j = 0;
        while (i < fromLive.size() || j < fromPatch.size()) {
            if (j >= fromPatch.size()) {
                result.add(fromLive.get(i++));
            } else if (i >= fromLive.size()) {
                result.add(fromPatch.get(j++));
            } else {
                int live = index(liveOrder, fromLive.get(i), key, maps);
                int patched = index(liveOrder, fromPatch.get(j), key, maps);
                // An item the live list does not know cannot be placed by it: it goes first.
                result.add(live >= 0 && patched >= 0 && live < patched ? fromLive.get(i++) : fromPatch.get(j++));
            }
        }
        return result;
    }

    /** A stable sort by position in {@code order}; {@code $patch: delete} items go last, as in the API server. */
    private static List<Object> sort(List<Object> items, List<?> order, String key, boolean maps) {
        List<Object> kept = new ArrayList<>();
        List<Object> deletions = new ArrayList<>();
        if (maps) {
            requireKeys(items, key);
            requireKeys(order, key);
            for (Object item : items) {
                (Directives.DELETE.equals(((Map<?, ?>) item).get(Directives.PATCH)) ? deletions : kept).add(item);
            }
        } else {
            kept.addAll(items);
        }
        kept.sort(Comparator.comparingInt(item -> {
            int at = index(order, item, key, maps);
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        kept.addAll(deletions);
        return kept;
    }

    private static int index(List<?> list, Object item, String key, boolean maps) {
        Object wanted = identity(item, key, maps);
        for (int i = 0; i < list.size(); i++) {
            if (GoValues.same(wanted, identity(list.get(i), key, maps))) {
                return i;
            }
        }
        return -1;
    }

    private static Object identity(Object item, String key, boolean maps) {
        if (!maps) {
            return item;
        }
        return item instanceof Map<?, ?> map ? map.get(key) : null;
    }

    private static void requireKeys(List<?> items, String key) {
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw SmpErrors.badType(GoValues.Type.MAP, item);
            }
            if (!map.containsKey(key)) {
                throw SmpErrors.noMergeKey(map, key);
            }
        }
    }

    /** Lists of scalars are matched through a Go map, which cannot hold maps or lists as keys. */
    private static void requireHashable(List<?> items) {
        for (Object item : items) {
            GoValues.Type type = GoValues.type(item);
            if (type == GoValues.Type.MAP || type == GoValues.Type.LIST) {
                throw SmpErrors.unclassified("runtime error: hash of unhashable type " + type.goName());
            }
        }
    }
}
