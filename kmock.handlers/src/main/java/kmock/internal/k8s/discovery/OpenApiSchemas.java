package kmock.internal.k8s.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kmock.internal.json.Json;
import kmock.internal.k8s.schema.AnySchema;
import kmock.internal.k8s.schema.BuiltinSchemas;
import kmock.internal.k8s.schema.Constraints;
import kmock.internal.k8s.schema.Field;
import kmock.internal.k8s.schema.ListSchema;
import kmock.internal.k8s.schema.MapSchema;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.ScalarSchema;
import kmock.internal.k8s.schema.Schema;

/**
 * The {@code components.schemas} of one OpenAPI v3 document: the schemas of its kinds with every type they reach,
 * written from the schema model as the API server writes them (types and formats, {@code required}, enums,
 * defaults, {@code x-kubernetes-*} list, map and patch extensions, {@code $ref}s wrapped in {@code allOf}), a
 * custom resource's from its definition's {@code openAPIV3Schema}, and a permissive schema for kinds nothing
 * describes. The descriptions are short and KMock's own. Sorted by name, so that the JSON is the same in every JVM.
 */
final class OpenApiSchemas {

    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final String REF = "#/components/schemas/";

    private final Map<String, Object> components = new TreeMap<>();

    /** The schemas written so far, by name. */
    Map<String, Object> components() {
        return components;
    }

    /** Adds a built-in kind's schema and every type it reaches; returns its name. */
    String builtIn(ObjectSchema kind, Map<String, Object> gvk) {
        String name = define(kind);
        kindSchema(name, gvk).put("description", gvk.get("kind") + " of " + apiVersion(gvk) + ".");
        return name;
    }

    /** Adds a custom resource's schema from its definition's {@code openAPIV3Schema}; returns its name. */
    @SuppressWarnings("unchecked")
    String custom(String name, Map<?, ?> openApiV3Schema, Map<String, Object> gvk) {
        Map<String, Object> schema = (Map<String, Object>) Json.parse(Json.write(openApiV3Schema));
        schema.putIfAbsent("type", "object");
        Map<String, Object> properties = schema.get("properties") instanceof Map<?, ?> given
                ? (Map<String, Object>) given
                : new LinkedHashMap<>();
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("apiVersion", Map.of("type", "string", "description", "The version of the object's schema."));
        ordered.put("kind", Map.of("type", "string", "description", "The object's kind."));
        ordered.put("metadata", reference(define(BuiltinSchemas.get().type(OBJECT_META)), "The object's metadata."));
        properties.forEach(ordered::putIfAbsent);
        schema.put("properties", ordered);
        components.put(name, schema);
        kindSchema(name, gvk);
        return name;
    }

    /** Adds a schema that takes any object of a kind nothing describes; returns its name. */
    String permissive(String name, Map<String, Object> gvk) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("apiVersion", Map.of("type", "string"));
        properties.put("kind", Map.of("type", "string"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("type", "object");
        metadata.put("x-kubernetes-preserve-unknown-fields", true);
        properties.put("metadata", metadata);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("x-kubernetes-preserve-unknown-fields", true);
        components.put(name, schema);
        kindSchema(name, gvk);
        return name;
    }

    /** Marks a component as the schema of a kind: {@code x-kubernetes-group-version-kind}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> kindSchema(String name, Map<String, Object> gvk) {
        Map<String, Object> schema = (Map<String, Object>) components.get(name);
        List<Object> kinds = new ArrayList<>();
        if (schema.get("x-kubernetes-group-version-kind") instanceof List<?> existing) {
            kinds.addAll(existing);
        }
        if (!kinds.contains(gvk)) {
            kinds.add(gvk);
        }
        schema.put("x-kubernetes-group-version-kind", kinds);
        return schema;
    }

    /** Writes a type's definition (once; recursive types refer to themselves) and returns its name. */
    private String define(ObjectSchema type) {
        String name = type.name();
        if (components.containsKey(name)) {
            return name;
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        components.put(name, definition);
        definition.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field field : type.fields().values()) {
            properties.put(field.name(), property(field));
            if (field.required()) {
                required.add(field.name());
            }
        }
        if (!properties.isEmpty()) {
            definition.put("properties", properties);
        }
        if (!required.isEmpty()) {
            definition.put("required", required);
        }
        if (type.atomic()) {
            definition.put("x-kubernetes-map-type", "atomic");
        }
        if (type.preservesUnknownFields()) {
            definition.put("x-kubernetes-preserve-unknown-fields", true);
        }
        return name;
    }

    private Map<String, Object> property(Field field) {
        Map<String, Object> property = node(field.schema());
        if (field.defaultValue() != null) {
            property.put("default", field.defaultValue());
        }
        if (field.patchStrategy() != null) {
            property.put("x-kubernetes-patch-strategy", field.patchStrategy());
        }
        if (field.patchMergeKey() != null) {
            property.put("x-kubernetes-patch-merge-key", field.patchMergeKey());
        }
        return property;
    }

    private Map<String, Object> node(Schema schema) {
        Map<String, Object> node = new LinkedHashMap<>();
        if (schema instanceof ObjectSchema object) {
            node.put("allOf", List.of(Map.of("$ref", REF + define(object))));
        } else if (schema instanceof ListSchema list) {
            node.put("type", "array");
            node.put("items", node(list.items()));
            if (list.type() != ListSchema.ListType.ATOMIC) {
                node.put("x-kubernetes-list-type", list.type().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (list.type() == ListSchema.ListType.MAP) {
                node.put("x-kubernetes-list-map-keys", list.keys());
            }
        } else if (schema instanceof MapSchema map) {
            node.put("type", "object");
            node.put("additionalProperties", node(map.values()));
            if (map.atomic()) {
                node.put("x-kubernetes-map-type", "atomic");
            }
        } else if (schema instanceof ScalarSchema scalar) {
            node.put("type", scalar.type().jsonType());
            if (scalar.type().format() != null) {
                node.put("format", scalar.type().format());
            }
            constraints(node, scalar.constraints());
        } else if (schema instanceof AnySchema) {
            node.put("type", "object");
            node.put("x-kubernetes-preserve-unknown-fields", true);
        }
        return node;
    }

    private static void constraints(Map<String, Object> node, Constraints constraints) {
        if (!constraints.enumValues().isEmpty()) {
            node.put("enum", constraints.enumValues());
        }
    }

    private static Map<String, Object> reference(String name, String description) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("allOf", List.of(Map.of("$ref", REF + name)));
        node.put("description", description);
        return node;
    }

    private static String apiVersion(Map<String, Object> gvk) {
        String group = String.valueOf(gvk.get("group"));
        return group.isEmpty() ? String.valueOf(gvk.get("version")) : group + "/" + gvk.get("version");
    }
}
