package kmock.internal.k8s.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import kmock.internal.k8s.schema.ListSchema;

/**
 * What changed between two values, field by field, as structured-merge-diff compares them: fields removed, fields
 * modified and fields added by the right-hand side. Atomic lists and maps compare as one field; a granular map or
 * list that appears or disappears is itself added or removed, besides its content.
 *
 * @param removed  fields only the left-hand side has
 * @param modified fields both have, with different values
 * @param added    fields only the right-hand side has
 */
record Comparison(FieldSet removed, FieldSet modified, FieldSet added) {

    /** Marks an absent value (as opposed to JSON null) in the walks. */
    static final Object ABSENT = new Object();

    /** Compares two values of one node. */
    static Comparison of(Object lhs, Object rhs, TypeNode node) {
        Comparison comparison = new Comparison(new FieldSet(), new FieldSet(), new FieldSet());
        comparison.compare(new ArrayList<>(), lhs, rhs, node);
        return comparison;
    }

    /** Whether nothing changed. */
    boolean isSame() {
        return removed.isEmpty() && modified.isEmpty() && added.isEmpty();
    }

    /** The comparison with each set passed through a filter (the fields a subresource ignores). */
    Comparison filter(UnaryOperator<FieldSet> filter) {
        return new Comparison(filter.apply(removed), filter.apply(modified), filter.apply(added));
    }

    private void compare(List<PathElement> path, Object lhs, Object rhs, TypeNode node) {
        if (lhs != ABSENT && rhs != ABSENT && JsonValues.same(lhs, rhs)) {
            return; // nothing below changed either
        }
        boolean leaf;
        if (rhs == ABSENT) {
            leaf = handle(path, lhs, rhs, node, node.effectiveForm(lhs));
        } else if (lhs == ABSENT || node.effectiveForm(lhs) == node.effectiveForm(rhs)) {
            leaf = handle(path, lhs, rhs, node, node.effectiveForm(rhs));
        } else {
            // A value that changed form: what the old form held goes, what the new form holds comes.
            boolean oldLeaf = handle(path, lhs, rhs, node, node.effectiveForm(lhs));
            boolean newLeaf = oldLeaf
                    ? leafRecorded(path, lhs, rhs, node, node.effectiveForm(rhs))
                    : handle(path, lhs, rhs, node, node.effectiveForm(rhs));
            leaf = oldLeaf || newLeaf;
        }
        if (!leaf) {
            if (lhs == ABSENT) {
                added.insert(path);
            } else if (rhs == ABSENT) {
                removed.insert(path);
            }
        }
    }

    /** After a leaf was recorded for one form, the other form only contributes its content. */
    private boolean leafRecorded(List<PathElement> path, Object lhs, Object rhs, TypeNode node, TypeNode.Form form) {
        if (form == TypeNode.Form.MAP && !node.atomicMap() && rhs instanceof Map<?, ?> map && !map.isEmpty()) {
            mapItems(path, Map.of(), map, node);
        } else if (form == TypeNode.Form.LIST
                && node.listType() != ListSchema.ListType.ATOMIC
                && rhs instanceof List<?> list
                && !list.isEmpty()) {
            listItems(path, List.of(), list, node);
        }
        return true;
    }

    /** Handles one form of the node; answers whether it was a leaf (already recorded). */
    private boolean handle(List<PathElement> path, Object lhs, Object rhs, TypeNode node, TypeNode.Form form) {
        switch (form) {
            case SCALAR -> {
                leaf(path, lhs, rhs);
                return true;
            }
            case LIST -> {
                List<?> left = lhs instanceof List<?> l ? l : null;
                List<?> right = rhs instanceof List<?> r ? r : null;
                boolean bothEmpty = (left == null || left.isEmpty()) && (right == null || right.isEmpty());
                if (node.listType() == ListSchema.ListType.ATOMIC || bothEmpty) {
                    leaf(path, lhs, rhs);
                    return true;
                }
                listItems(path, left == null ? List.of() : left, right == null ? List.of() : right, node);
                return false;
            }
            default -> {
                Map<?, ?> left = lhs instanceof Map<?, ?> l ? l : null;
                Map<?, ?> right = rhs instanceof Map<?, ?> r ? r : null;
                boolean bothEmpty = (left == null || left.isEmpty()) && (right == null || right.isEmpty());
                if (node.atomicMap() || bothEmpty) {
                    leaf(path, lhs, rhs);
                    return true;
                }
                mapItems(path, left == null ? Map.of() : left, right == null ? Map.of() : right, node);
                return false;
            }
        }
    }

    private void leaf(List<PathElement> path, Object lhs, Object rhs) {
        if (lhs == ABSENT) {
            added.insert(path);
        } else if (rhs == ABSENT) {
            removed.insert(path);
        } else if (!JsonValues.same(lhs, rhs)) {
            modified.insert(path);
        }
    }

    private void mapItems(List<PathElement> path, Map<?, ?> lhs, Map<?, ?> rhs, TypeNode node) {
        lhs.forEach((k, v) -> {
            String key = String.valueOf(k);
            compareAt(
                    path, new PathElement.Field(key), v, rhs.containsKey(key) ? rhs.get(key) : ABSENT, node.child(key));
        });
        rhs.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!lhs.containsKey(key)) {
                compareAt(path, new PathElement.Field(key), ABSENT, v, node.child(key));
            }
        });
    }

    /** Compares one step down: the path grows by the element for the call only. */
    private void compareAt(List<PathElement> path, PathElement element, Object lhs, Object rhs, TypeNode node) {
        path.add(element);
        compare(path, lhs, rhs, node);
        path.remove(path.size() - 1);
    }

    private void listItems(List<PathElement> path, List<?> lhs, List<?> rhs, TypeNode node) {
        Map<PathElement, List<Object>> left = index(lhs, node);
        Map<PathElement, List<Object>> right = index(rhs, node);
        List<PathElement> all = new ArrayList<>(left.keySet());
        right.keySet().stream().filter(pe -> !left.containsKey(pe)).forEach(all::add);
        TypeNode items = node.items();
        for (PathElement element : all) {
            List<Object> l = left.getOrDefault(element, List.of());
            List<Object> r = right.getOrDefault(element, List.of());
            if (l.size() <= 1 && r.size() <= 1) {
                compareAt(path, element, l.isEmpty() ? ABSENT : l.get(0), r.isEmpty() ? ABSENT : r.get(0), items);
                continue;
            }
            path.add(element);
            if (l.size() >= 2 && r.size() >= 2) {
                if (!JsonValues.same(l, r)) {
                    modified.insert(path);
                }
            } else if (l.size() >= 2) {
                if (!r.isEmpty()) {
                    compare(path, ABSENT, r.get(0), items);
                }
                removed.insert(path);
            } else {
                if (!l.isEmpty()) {
                    compare(path, l.get(0), ABSENT, items);
                }
                added.insert(path);
            }
            path.remove(path.size() - 1);
        }
    }

    private static Map<PathElement, List<Object>> index(List<?> list, TypeNode node) {
        Map<PathElement, List<Object>> index = new LinkedHashMap<>();
        for (Object item : list) {
            PathElement element = ListItems.elementOrNull(node, item);
            if (element != null) {
                index.computeIfAbsent(element, pe -> new ArrayList<>()).add(item);
            }
        }
        return index;
    }
}
