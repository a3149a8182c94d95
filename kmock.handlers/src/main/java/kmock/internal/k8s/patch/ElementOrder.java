package kmock.internal.k8s.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.Schema;

/**
 * {@code $setElementOrder/<list>}: the order a client wants for a merged list (kubectl apply sends it with every
 * list it patches). The list named there is merged first, as the field's strategy says, then arranged: the items of
 * the order list in its order, the live-only items woven in by their live positions. The patch's items must appear
 * in the order list, in the same relative order.
 */
final class ElementOrder {

    private ElementOrder() {}

    /** Handles every {@code $setElementOrder} key of a patch map, removing it and the list it orders from the patch. */
    static void apply(Map<String, Object> original, Map<String, Object> patch, Schema schema) {
        for (String directive : new ArrayList<>(patch.keySet())) {
            if (!directive.startsWith(Directives.SET_ELEMENT_ORDER)) {
                continue;
            }
            Object value = patch.remove(directive);
            if (!(value instanceof List<?> order)) {
                throw SmpErrors.badType(GoValues.Type.LIST, value);
            }
            String key = Directives.listKey(directive, Directives.SET_ELEMENT_ORDER, SmpErrors.BAD_SET_ELEMENT_ORDER);
            boolean inOriginal = original.containsKey(key);
            boolean inPatch = patch.containsKey(key);
            List<Object> live = inOriginal ? list(original.get(key)) : List.of();
            List<Object> patched = inPatch ? list(patch.get(key)) : List.of();
            PatchMeta meta = PatchMeta.of(schema, key, true);
            requireOrderedLike(patched, order, meta.mergeKey());
            List<Object> merged;
            if (inOriginal && inPatch) {
                merged = meta.strategy().equals(Directives.MERGE)
                        ? StrategicMergePatch.mergeList(live, patched, meta, false)
                        : patched;
            } else if (inPatch) {
                merged = StrategicMergePatch.asList(Directives.withoutPatchMaps(patched));
            } else if (inOriginal) {
                merged = live;
            } else {
                continue;
            }
            List<List<Object>> parts = ListOrder.partition(merged, order, meta.mergeKey());
            boolean maps = StrategicMergePatch.elementType(live, patched) == GoValues.Type.MAP;
            original.put(key, ListOrder.arrange(parts.get(0), parts.get(1), order, live, meta.mergeKey(), maps));
            patch.remove(key);
        }
    }

    private static List<Object> list(Object value) {
        if (!(value instanceof List<?>)) {
            throw SmpErrors.badType(GoValues.Type.LIST, value);
        }
        return StrategicMergePatch.asList(value);
    }

    /** The patch's items (but deletions and directives) must be a subsequence of the order list. */
    private static void requireOrderedLike(List<Object> patched, List<?> order, String key) {
        if (order.isEmpty() || patched.isEmpty()) {
            return;
        }
        List<Object> items = new ArrayList<>();
        for (Object item : patched) {
            if (key.isEmpty()) {
                items.add(item);
            } else if (!(item instanceof Map<?, ?> map)) {
                throw SmpErrors.badType(GoValues.Type.MAP, item);
            } else if (!Directives.DELETE.equals(map.get(Directives.PATCH))) {
                items.add(item);
            }
        }
        int p = 0;
        int o = 0;
        while (p < items.size() && o < order.size()) {
            if (items.get(p) instanceof Map<?, ?> map && map.containsKey(Directives.PATCH)) {
                p++;
                continue;
            }
            if (sameItem(items.get(p), order.get(o), key)) {
                p++;
            }
            o++;
        }
        if (p < items.size()) {
            throw SmpErrors.unclassified("The order in patch list:\n" + GoValues.text(patched) + "\n doesn't match "
                    + Directives.SET_ELEMENT_ORDER + " list:\n" + GoValues.text(order) + "\n");
        }
    }

    private static boolean sameItem(Object item, Object ordered, String key) {
        if (key.isEmpty()) {
            return GoValues.same(item, ordered);
        }
        if (!(item instanceof Map<?, ?> left)) {
            throw SmpErrors.badType(GoValues.Type.MAP, item);
        }
        if (!(ordered instanceof Map<?, ?> right)) {
            throw SmpErrors.badType(GoValues.Type.MAP, ordered);
        }
        if (!left.containsKey(key)) {
            throw SmpErrors.noMergeKey(left, key);
        }
        if (!right.containsKey(key)) {
            throw SmpErrors.noMergeKey(right, key);
        }
        return GoValues.same(left.get(key), right.get(key));
    }
}
