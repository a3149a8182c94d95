package kmock.internal.k8s.fields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kmock.internal.k8s.schema.ListSchema;

/**
 * Merges an applied configuration into a live object as server-side apply does: the applied value wins for scalars
 * and for atomic lists and maps; granular maps merge key by key; associative lists merge item by item, by key or
 * value, the applied items in their applied order and the live-only items kept where they stood.
 */
final class Merging {

    private Merging() {}

    /** The merge of {@code rhs} into {@code lhs} (either may be {@link Comparison#ABSENT}); ABSENT when neither is there. */
    static Object merge(Object lhs, Object rhs, TypeNode node) {
        if (rhs == Comparison.ABSENT) {
            return lhs == Comparison.ABSENT ? lhs : copy(lhs);
        }
        if (lhs != Comparison.ABSENT && node.effectiveForm(lhs) != node.effectiveForm(rhs)) {
            return copy(rhs);
        }
        switch (node.effectiveForm(rhs)) {
            case LIST -> {
                List<?> left = lhs instanceof List<?> l ? l : null;
                List<?> right = rhs instanceof List<?> r ? r : null;
                boolean bothEmpty = (left == null || left.isEmpty()) && (right == null || right.isEmpty());
                if (node.listType() == ListSchema.ListType.ATOMIC || bothEmpty) {
                    return copy(rhs);
                }
                if (right == null) {
                    return copy(lhs);
                }
                return listItems(left == null ? List.of() : left, right, node);
            }
            case MAP -> {
                Map<?, ?> left = lhs instanceof Map<?, ?> l ? l : null;
                Map<?, ?> right = rhs instanceof Map<?, ?> r ? r : null;
                boolean bothEmpty = (left == null || left.isEmpty()) && (right == null || right.isEmpty());
                if (node.atomicMap() || bothEmpty) {
                    return copy(rhs);
                }
                if (right == null) {
                    // An applied null for a granular map (or list) keeps what is there.
                    return copy(lhs);
                }
                return mapItems(left == null ? Map.of() : left, right, node);
            }
            default -> {
                return copy(rhs);
            }
        }
    }

    private static Object mapItems(Map<?, ?> lhs, Map<?, ?> rhs, TypeNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        lhs.forEach((k, v) -> {
            String key = String.valueOf(k);
            Object merged = merge(v, rhs.containsKey(key) ? rhs.get(key) : Comparison.ABSENT, node.child(key));
            if (merged != Comparison.ABSENT) {
                out.put(key, merged);
            }
        });
        rhs.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!lhs.containsKey(key)) {
                out.put(key, merge(Comparison.ABSENT, v, node.child(key)));
            }
        });
        return out.isEmpty() ? Comparison.ABSENT : out;
    }

    /**
     * Walks both lists at once: items of both are merged and placed in the applied order, live-only items stay
     * where they were relative to the items around them, applied-only items come at their applied place.
     */
    private static Object listItems(List<?> lhs, List<?> rhs, TypeNode node) {
        TypeNode items = node.items();
        List<PathElement> rightPes = new ArrayList<>();
        Map<PathElement, Object> right = new HashMap<>();
        for (Object item : rhs) {
            PathElement pe = ListItems.elementOf(node, item);
            if (right.containsKey(pe)) {
                throw new TypedException("duplicate entries for key " + pe);
            }
            right.put(pe, item);
            rightPes.add(pe);
        }
        List<PathElement> leftPes = new ArrayList<>();
        List<Object> leftItems = new ArrayList<>();
        Map<PathElement, Object> left = new HashMap<>();
        for (Object item : lhs) {
            PathElement pe = ListItems.elementOrNull(node, item);
            if (pe == null) {
                continue;
            }
            // A duplicated live item is not merged with the applied one.
            left.put(pe, left.containsKey(pe) ? null : item);
            leftPes.add(pe);
            leftItems.add(item);
        }
        List<PathElement> shared = new ArrayList<>();
        for (PathElement pe : rightPes) {
            if (left.containsKey(pe)) {
                shared.add(pe);
            }
        }
        int nextShared = 0;
        Set<PathElement> merged = new HashSet<>();
        List<Object> out = new ArrayList<>();
        int l = 0;
        int r = 0;
        while (l < leftPes.size() || r < rightPes.size()) {
            if (l < leftPes.size() && r < rightPes.size()) {
                PathElement pe = leftPes.get(l);
                if (pe.equals(rightPes.get(r))) {
                    merged.add(pe);
                    add(out, merge(left.get(pe), right.get(pe), items));
                    l++;
                    r++;
                    nextShared++;
                    continue;
                }
                if (right.containsKey(pe)
                        && nextShared < shared.size()
                        && !shared.get(nextShared).equals(pe)) {
                    l++; // a shared item, but not the one this round wants
                    continue;
                }
            }
            if (l < leftPes.size()) {
                PathElement pe = leftPes.get(l);
                if (!right.containsKey(pe)) {
                    add(out, merge(leftItems.get(l), Comparison.ABSENT, items));
                    l++;
                    continue;
                } else if (merged.contains(pe)) {
                    l++;
                }
            }
            if (r < rightPes.size()) {
                PathElement pe = rightPes.get(r);
                merged.add(pe);
                add(out, merge(left.containsKey(pe) ? left.get(pe) : Comparison.ABSENT, right.get(pe), items));
                r++;
                if (nextShared < shared.size() && shared.get(nextShared).equals(pe)) {
                    nextShared++;
                }
            }
        }
        return out.isEmpty() ? Comparison.ABSENT : out;
    }

    private static void add(List<Object> out, Object item) {
        if (item != Comparison.ABSENT) {
            out.add(item);
        }
    }

    private static Object copy(Object value) {
        return value == Comparison.ABSENT ? value : kmock.internal.k8s.store.JsonTree.copy(value);
    }
}
