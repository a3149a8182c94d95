package kmock.internal.k8s.fields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kmock.internal.k8s.schema.ListSchema;

/**
 * The field sets of values: every field a value sets, as structured-merge-diff counts them (scalars, atomic lists
 * and maps, empty maps, nulls, map keys and list items are members; a declared field holding a non-empty granular
 * map or list is only a parent), and the closure that also makes declared fields members.
 */
final class FieldSets {

    private FieldSets() {}

    /** The fields a value sets. Items without a key of their own are skipped (stored data is read leniently). */
    static FieldSet of(Object value, TypeNode node) {
        FieldSet set = new FieldSet();
        walk(new ArrayList<>(), value, node, set);
        return set;
    }

    private static void walk(List<PathElement> path, Object value, TypeNode node, FieldSet set) {
        switch (node.effectiveForm(value)) {
            case SCALAR -> set.insert(path);
            case LIST -> {
                if (node.listType() == ListSchema.ListType.ATOMIC) {
                    set.insert(path);
                } else if (value instanceof List<?> list) {
                    items(path, list, node, set);
                }
            }
            case MAP -> {
                if (node.atomicMap()) {
                    set.insert(path);
                } else if (value instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> {
                        String key = String.valueOf(k);
                        path.add(new PathElement.Field(key));
                        walk(path, v, node.child(key), set);
                        if (v == null || v instanceof Map<?, ?> m && m.isEmpty() || !node.namedField(key)) {
                            set.insert(path);
                        }
                        path.remove(path.size() - 1);
                    });
                }
            }
        }
    }

    private static void items(List<PathElement> path, List<?> list, TypeNode node, FieldSet set) {
        Set<PathElement> seen = new HashSet<>();
        Set<PathElement> duplicates = new HashSet<>();
        for (Object item : list) {
            PathElement element = ListItems.elementOrNull(node, item);
            if (element != null && !seen.add(element) && duplicates.add(element)) {
                // A duplicated item is owned as a whole, without its fields.
                path.add(element);
                set.insert(path);
                path.remove(path.size() - 1);
            }
        }
        TypeNode items = node.items();
        for (Object item : list) {
            PathElement element = ListItems.elementOrNull(node, item);
            if (element == null || duplicates.contains(element)) {
                continue;
            }
            path.add(element);
            walk(path, item, items, set);
            set.insert(path);
            path.remove(path.size() - 1);
        }
    }

    /**
     * The set with every declared field on the way to a member made a member too (so that removing it removes the
     * field itself, not only what is below it); keys of maps stay parents.
     *
     * @param node the node of the set's level, or {@code null} where no schema applies
     */
    static FieldSet withNamedFields(FieldSet set, TypeNode node) {
        FieldSet out = new FieldSet();
        out.members().addAll(set.members());
        set.children().forEach((element, child) -> {
            TypeNode childNode = null;
            if (node != null && element instanceof PathElement.Field field && node.accepts(TypeNode.Form.MAP)) {
                if (node.namedField(field.name())) {
                    out.members().add(element);
                }
                childNode = node.child(field.name());
            } else if (node != null && element instanceof PathElement.Key && node.accepts(TypeNode.Form.LIST)) {
                childNode = node.items();
            }
            out.children().put(element, withNamedFields(child, childNode));
        });
        return out;
    }
}
