package kmock.internal.k8s.fields;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FieldsV1 encoding of a {@link FieldSet}, as managedFields carry it: a JSON object whose keys are path elements
 * ({@code f:}, {@code k:}, {@code v:}, {@code i:}) in element order, {@code {}} for a member without children, and
 * {@code ".": {}} first in the object of a member that also has children.
 */
public final class FieldsV1 {

    private FieldsV1() {}

    /** The JSON object tree of a set; {@code {}} for the empty set. */
    public static Map<String, Object> encode(FieldSet set) {
        return encode(set, false);
    }

    private static Map<String, Object> encode(FieldSet set, boolean self) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (self) {
            out.put(".", new LinkedHashMap<>());
        }
        // Members and children merge in element order; an element that is both is written once, with ".".
        java.util.Iterator<PathElement> members = set.members().iterator();
        java.util.Iterator<Map.Entry<PathElement, FieldSet>> children =
                set.children().entrySet().iterator();
        PathElement member = members.hasNext() ? members.next() : null;
        Map.Entry<PathElement, FieldSet> child = children.hasNext() ? children.next() : null;
        while (member != null || child != null) {
            int c = member == null ? 1 : child == null ? -1 : member.compareTo(child.getKey());
            if (c < 0) {
                out.put(member.fieldsV1(), new LinkedHashMap<>());
                member = members.hasNext() ? members.next() : null;
            } else {
                out.put(child.getKey().fieldsV1(), encode(child.getValue(), c == 0));
                if (c == 0) {
                    member = members.hasNext() ? members.next() : null;
                }
                child = children.hasNext() ? children.next() : null;
            }
        }
        return out;
    }

    /**
     * Reads a FieldsV1 tree. Keys with a prefix this version does not know are skipped, as the API server does.
     *
     * @throws IllegalArgumentException when the tree is not a JSON object of objects or a key is malformed
     */
    public static FieldSet decode(Object fields) {
        if (!(fields instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("fieldsV1 must be a JSON object");
        }
        FieldSet set = new FieldSet();
        read(map, set);
        return set;
    }

    /** Reads the entries of one level into {@code into}; answers whether the level marks its parent as a member. */
    private static boolean read(Map<?, ?> level, FieldSet into) {
        boolean member = false;
        for (Map.Entry<?, ?> entry : level.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.equals(".")) {
                member = true;
                continue;
            }
            if (!(entry.getValue() instanceof Map<?, ?> nested)) {
                throw new IllegalArgumentException("the value of '" + key + "' in fieldsV1 must be a JSON object");
            }
            PathElement element = PathElement.parse(key);
            if (element == null) {
                continue;
            }
            FieldSet child = new FieldSet();
            if (read(nested, child)) {
                into.members().add(element);
            }
            if (!child.isEmpty()) {
                into.children().put(element, child);
            }
        }
        // A level without any known element is a leaf: its parent is a member.
        return member || into.members().isEmpty() && into.children().isEmpty();
    }
}
