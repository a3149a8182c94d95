package kmock.internal.k8s.patch;

import java.util.List;

import kmock.internal.k8s.schema.AnySchema;
import kmock.internal.k8s.schema.Field;
import kmock.internal.k8s.schema.ListSchema;
import kmock.internal.k8s.schema.MapSchema;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.ScalarSchema;
import kmock.internal.k8s.schema.Schema;

/**
 * What strategic merge patch knows of one field: the schema of its value (of its items, for a list), its patch
 * strategy besides {@code retainKeys} ({@code merge}, {@code replace} or empty) and its merge key (or empty).
 * A field the schema does not know, or a value of {@link AnySchema}, has none of them: its maps merge and its lists
 * are replaced, as in a JSON merge patch.
 *
 * @param schema   the schema of the value or of the list items, or {@code null} when unknown
 * @param strategy {@code merge}, {@code replace} or empty
 * @param mergeKey the field identifying list items, or empty
 */
record PatchMeta(Schema schema, String strategy, String mergeKey) {

    static final PatchMeta NONE = new PatchMeta(null, "", "");

    /** The facts of field {@code key} of an object described by {@code parent}, for a map or (with {@code list}) a list value. */
    static PatchMeta of(Schema parent, String key, boolean list) {
        if (parent instanceof MapSchema) {
            // The patch library looks struct fields up by Go reflection; a Go map has none, whatever its values are.
            throw SmpErrors.unclassified("merging an object in json but data type is not struct, instead is: map");
        }
        if (!(parent instanceof ObjectSchema object)) {
            return NONE;
        }
        Field field = object.field(key);
        if (field == null) {
            // Go's JSON field lookup falls back to a case-insensitive match.
            field = object.fields().values().stream()
                    .filter(f -> f.name().equalsIgnoreCase(key))
                    .findFirst()
                    .orElse(null);
        }
        if (field == null) {
            return NONE;
        }
        Schema schema = field.schema();
        if (list) {
            schema = schema instanceof ListSchema items ? items.items() : null;
        }
        return new PatchMeta(
                schema, strategy(field.patchStrategy()), field.patchMergeKey() == null ? "" : field.patchMergeKey());
    }

    /** The strategy besides {@code retainKeys}, which only the client uses to write {@code $retainKeys}. */
    private static String strategy(String tag) {
        List<String> strategies = List.of((tag == null ? "" : tag).split(",", -1));
        if (strategies.size() == 1) {
            return strategies.get(0).equals("retainKeys") ? "" : strategies.get(0);
        }
        if (strategies.size() == 2 && strategies.contains("retainKeys")) {
            return strategies.get(0).equals("retainKeys") ? strategies.get(1) : strategies.get(0);
        }
        throw SmpErrors.unclassified("unexpected patch strategy: " + GoValues.text(strategies));
    }

    /** The Go kind of the list items' type, as the library names it in "cannot merge lists without merge key for …". */
    String goKind() {
        if (schema instanceof MapSchema) {
            return "map";
        }
        if (schema instanceof ListSchema) {
            return "slice";
        }
        if (schema instanceof ScalarSchema scalar) {
            return switch (scalar.type()) {
                case STRING -> "string";
                case BOOLEAN -> "bool";
                case INT32 -> "int32";
                case INT64, INTEGER -> "int64";
                case DOUBLE, NUMBER -> "float64";
                case BYTES -> "slice";
                default -> "struct";
            };
        }
        return "struct";
    }
}
