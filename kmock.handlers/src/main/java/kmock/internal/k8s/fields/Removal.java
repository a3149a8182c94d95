package kmock.internal.k8s.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.ListSchema;

/**
 * Removes the members of a field set from a value, as structured-merge-diff does when it prunes: a member goes
 * with everything below it; a granular map or list left without content by the removal becomes {@code null}.
 */
final class Removal {

    private Removal() {}

    /** A copy of the value without the set's members. */
    static Object remove(Object value, FieldSet set, TypeNode node) {
        switch (node.effectiveForm(value)) {
            case LIST -> {
                if (!(value instanceof List<?> list)
                        || list.isEmpty()
                        || node.listType() == ListSchema.ListType.ATOMIC) {
                    return null;
                }
                List<Object> out = new ArrayList<>();
                for (Object item : list) {
                    PathElement element = ListItems.elementOrNull(node, item);
                    if (element == null) {
                        out.add(item);
                        continue;
                    }
                    if (set.hasMember(element)) {
                        continue;
                    }
                    FieldSet below = set.childAt(element);
                    out.add(below.isEmpty() ? item : remove(item, below, node.items()));
                }
                return out.isEmpty() ? null : out;
            }
            case MAP -> {
                if (!(value instanceof Map<?, ?> map) || map.isEmpty() || node.atomicMap()) {
                    return null;
                }
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> {
                    String key = String.valueOf(k);
                    PathElement element = new PathElement.Field(key);
                    if (set.hasMember(element)) {
                        return;
                    }
                    FieldSet below = set.childAt(element);
                    out.put(key, below.isEmpty() ? v : remove(v, below, node.child(key)));
                });
                return out.isEmpty() ? null : out;
            }
            default -> {
                return value;
            }
        }
    }
}
