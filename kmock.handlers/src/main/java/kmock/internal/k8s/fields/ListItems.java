package kmock.internal.k8s.fields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.ListSchema;

/**
 * The path element of an item of an associative list: its key fields (with the schema's default for a missing key,
 * as for a port's {@code protocol}) for a map list, its value for a set.
 */
final class ListItems {

    private ListItems() {}

    /** The element of an item. @throws TypedException when the item cannot be one of this list */
    static PathElement elementOf(TypeNode list, Object item) {
        if (list.listType() == ListSchema.ListType.MAP) {
            if (item == null) {
                throw new TypedException("associative list with keys may not have a null element");
            }
            if (!(item instanceof Map<?, ?> map)) {
                throw new TypedException("associative list with keys may not have non-map elements");
            }
            Map<String, Object> key = new LinkedHashMap<>();
            for (String field : list.keys()) {
                if (map.containsKey(field)) {
                    key.put(field, map.get(field));
                } else if (list.keyDefault(field) != null) {
                    key.put(field, list.keyDefault(field));
                } else {
                    throw new TypedException("associative list with keys has an element that omits key field "
                            + JsonValues.goQuote(field) + " (and doesn't have default value)");
                }
            }
            return PathElement.Key.of(key);
        }
        if (item instanceof Map<?, ?>) {
            throw new TypedException("associative list without keys has an element that's a map type");
        }
        if (item instanceof List<?>) {
            throw new TypedException("not supported: associative list with lists as elements");
        }
        if (item == null) {
            throw new TypedException("associative list without keys has an element that's an explicit null");
        }
        return new PathElement.Value(item);
    }

    /** The element of an item, or {@code null} when it has none (stored data is walked leniently). */
    static PathElement elementOrNull(TypeNode list, Object item) {
        try {
            return elementOf(list, item);
        } catch (TypedException e) {
            return null;
        }
    }
}
