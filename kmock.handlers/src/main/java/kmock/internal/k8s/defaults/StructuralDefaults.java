package kmock.internal.k8s.defaults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.Field;
import kmock.internal.k8s.schema.ListSchema;
import kmock.internal.k8s.schema.MapSchema;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.Schema;
import kmock.internal.k8s.store.JsonTree;

/**
 * The defaults of a custom resource, as the apiextensions-apiserver applies its structural schema's
 * {@code default}s on every decode: first {@code null}s that the schema does not allow and that no default
 * replaces are dropped, then every absent (or disallowed {@code null}) property with a default gets a deep copy of
 * it, at every depth — inside list items and map values too — parents before children, so that a defaulted object
 * gets its own properties' defaults. Keys stay sorted, as the API server stores unstructured objects.
 */
public final class StructuralDefaults {

    private StructuralDefaults() {}

    /** Sets a custom resource's defaults on a decoded object, in place. */
    public static void apply(ObjectSchema schema, Map<String, Object> object) {
        visit(schema, object);
    }

    private static void visit(Schema schema, Object value) {
        if (schema instanceof ObjectSchema type && value instanceof Map<?, ?> map) {
            visitObject(type, cast(map));
        } else if (schema instanceof ListSchema list && value instanceof List<?> items) {
            for (Object item : items) {
                visit(list.items(), item);
            }
        } else if (schema instanceof MapSchema map && value instanceof Map<?, ?> entries) {
            Map<String, Object> values = cast(entries);
            if (!map.values().constraints().nullable()) {
                values.values().removeIf(java.util.Objects::isNull);
            }
            for (Object item : values.values()) {
                visit(map.values(), item);
            }
        }
    }

    private static void visitObject(ObjectSchema type, Map<String, Object> object) {
        boolean added = false;
        for (String name : new ArrayList<>(object.keySet())) {
            Field field = type.field(name);
            if (field != null
                    && object.get(name) == null
                    && field.defaultValue() == null
                    && !field.schema().constraints().nullable()) {
                object.remove(name);
            }
        }
        for (Field field : type.fields().values()) {
            if (field.defaultValue() == null) {
                continue;
            }
            Object value = object.get(field.name());
            if (value == null
                    && (!object.containsKey(field.name())
                            || !field.schema().constraints().nullable())) {
                added |= !object.containsKey(field.name());
                object.put(field.name(), JsonTree.copy(field.defaultValue()));
            }
        }
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            Field field = type.field(entry.getKey());
            if (field != null && entry.getValue() != null && !entry.getKey().equals("metadata")) {
                visit(field.schema(), entry.getValue());
            }
        }
        if (added) {
            Fields.sortKeys(object);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
