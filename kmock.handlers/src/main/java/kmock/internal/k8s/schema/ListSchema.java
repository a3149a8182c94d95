package kmock.internal.k8s.schema;

import java.util.List;

/**
 * A JSON array of items of one schema, with its list type as server-side apply reads it: atomic (replaced as a
 * whole), set (scalars, merged as a set) or map (objects merged by their key fields).
 *
 * @param items       the schema of every item
 * @param type        how the list merges under apply
 * @param keys        for a map list, the fields that identify an item; else empty
 * @param constraints minItems, maxItems and the like
 */
public record ListSchema(Schema items, ListType type, List<String> keys, Constraints constraints) implements Schema {

    /** How a list merges: {@code x-kubernetes-list-type}. */
    public enum ListType {
        ATOMIC,
        SET,
        MAP
    }

    /** Checks the parts. */
    public ListSchema {
        keys = List.copyOf(keys);
        if (type == ListType.MAP && keys.isEmpty()) {
            throw new IllegalArgumentException("a map list needs key fields");
        }
    }

    @Override
    public String typeName() {
        return "array";
    }
}
