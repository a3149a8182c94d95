package kmock.internal.k8s.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a CustomResourceDefinition version's {@code openAPIV3Schema} (a structural schema) into the schema model,
 * with the {@code x-kubernetes-*} extensions, defaults, required fields and value constraints. {@code metadata}
 * is always the built-in {@code ObjectMeta}, as the API server treats it, and {@code apiVersion}/{@code kind} are
 * always strings.
 */
public final class CrdSchemas {

    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private CrdSchemas() {}

    /**
     * The schema of a custom resource's objects.
     *
     * @param gvk    the custom resource's group, version and kind (for the schema's name)
     * @param schema the {@code openAPIV3Schema}, or {@code null} when the version declares none
     */
    public static ObjectSchema resource(GroupVersionKind gvk, Map<?, ?> schema) {
        ObjectSchema root = new ObjectSchema(gvk.apiVersion() + "/" + gvk.kind());
        ScalarSchema string = new ScalarSchema(ScalarSchema.Type.STRING, Constraints.NONE);
        root.add(Field.of("apiVersion", string, false, null));
        root.add(Field.of("kind", string, false, null));
        root.add(Field.of("metadata", BuiltinSchemas.get().type(OBJECT_META), false, null));
        if (schema == null) {
            root.preserveUnknownFields(true);
            return root;
        }
        fillObject(root, schema, "");
        return root;
    }

    private static Schema node(Map<?, ?> schema, String path) {
        if (isTrue(schema.get("x-kubernetes-int-or-string"))) {
            return new ScalarSchema(ScalarSchema.Type.INT_OR_STRING, constraints(schema));
        }
        String type = schema.get("type") instanceof String t ? t : "";
        switch (type) {
            case "object" -> {
                if (schema.get("additionalProperties") instanceof Map<?, ?> values
                        && !(schema.get("properties") instanceof Map<?, ?>)) {
                    return new MapSchema(
                            node(values, path + "[*]"),
                            "atomic".equals(schema.get("x-kubernetes-map-type")),
                            constraints(schema));
                }
                ObjectSchema object = new ObjectSchema(path.isEmpty() ? "<root>" : path);
                if (isTrue(schema.get("x-kubernetes-embedded-resource"))) {
                    object.embeddedResource(true);
                    ScalarSchema string = new ScalarSchema(ScalarSchema.Type.STRING, Constraints.NONE);
                    object.add(Field.of("apiVersion", string, false, null));
                    object.add(Field.of("kind", string, false, null));
                    object.add(Field.of("metadata", BuiltinSchemas.get().type(OBJECT_META), false, null));
                }
                fillObject(object, schema, path);
                return object;
            }
            case "array" -> {
                Schema items = schema.get("items") instanceof Map<?, ?> itemSchema
                        ? node(itemSchema, path + "[*]")
                        : AnySchema.ANY;
                String listType = schema.get("x-kubernetes-list-type") instanceof String t ? t : "atomic";
                List<String> keys = strings(schema.get("x-kubernetes-list-map-keys"));
                ListSchema.ListType kind =
                        switch (listType) {
                            case "map" -> keys.isEmpty() ? ListSchema.ListType.ATOMIC : ListSchema.ListType.MAP;
                            case "set" -> ListSchema.ListType.SET;
                            default -> ListSchema.ListType.ATOMIC;
                        };
                return new ListSchema(
                        items, kind, kind == ListSchema.ListType.MAP ? keys : List.of(), constraints(schema));
            }
            case "string" -> {
                return new ScalarSchema(
                        "date-time".equals(schema.get("format"))
                                ? ScalarSchema.Type.DATE_TIME
                                : ScalarSchema.Type.STRING,
                        constraints(schema));
            }
            case "integer" -> {
                Object format = schema.get("format");
                return new ScalarSchema(
                        "int32".equals(format)
                                ? ScalarSchema.Type.INT32
                                : "int64".equals(format) ? ScalarSchema.Type.INT64 : ScalarSchema.Type.INTEGER,
                        constraints(schema));
            }
            case "number" -> {
                return new ScalarSchema(ScalarSchema.Type.NUMBER, constraints(schema));
            }
            case "boolean" -> {
                return new ScalarSchema(ScalarSchema.Type.BOOLEAN, constraints(schema));
            }
            default -> {
                return new AnySchema(constraints(schema));
            }
        }
    }

    private static void fillObject(ObjectSchema object, Map<?, ?> schema, String path) {
        object.preserveUnknownFields(isTrue(schema.get("x-kubernetes-preserve-unknown-fields")));
        object.atomic("atomic".equals(schema.get("x-kubernetes-map-type")));
        object.constraints(constraints(schema));
        List<String> required = strings(schema.get("required"));
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            for (Map.Entry<?, ?> property : properties.entrySet()) {
                String name = String.valueOf(property.getKey());
                if (!(property.getValue() instanceof Map<?, ?> propertySchema)
                        || (path.isEmpty()
                                && List.of("apiVersion", "kind", "metadata").contains(name))) {
                    continue;
                }
                object.add(Field.of(
                        name,
                        node(propertySchema, path.isEmpty() ? name : path + "." + name),
                        required.contains(name),
                        propertySchema.get("default")));
            }
        }
    }

    private static Constraints constraints(Map<?, ?> schema) {
        Pattern pattern = null;
        if (schema.get("pattern") instanceof String regex) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                pattern = null; // the API server rejects such a CRD; here it only goes unchecked
            }
        }
        List<Object> enumValues = schema.get("enum") instanceof List<?> values ? new ArrayList<>(values) : List.of();
        return new Constraints(
                enumValues,
                decimal(schema.get("minimum")),
                decimal(schema.get("maximum")),
                isTrue(schema.get("exclusiveMinimum")),
                isTrue(schema.get("exclusiveMaximum")),
                whole(schema.get("minLength")),
                whole(schema.get("maxLength")),
                pattern,
                whole(schema.get("minItems")),
                whole(schema.get("maxItems")),
                whole(schema.get("minProperties")),
                whole(schema.get("maxProperties")),
                isTrue(schema.get("nullable")),
                schema.get("format") instanceof String f ? f : null);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()) : null;
    }

    private static Long whole(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }
}
