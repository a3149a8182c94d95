package kmock.internal.k8s.defaults;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.Field;
import kmock.internal.k8s.schema.ListSchema;
import kmock.internal.k8s.schema.MapSchema;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.Quantity;
import kmock.internal.k8s.schema.ScalarSchema;
import kmock.internal.k8s.schema.Schema;
import kmock.internal.k8s.store.JsonTree;

/**
 * The defaults of the built-in kinds, applied as the generated defaulters of {@code k8s.io/kubernetes} apply them:
 * walking a decoded object along its schema, every object of a type first gets that type's defaulting function
 * ({@code SetDefaults_PodSpec}, …), then its fields' {@code +default} markers, then the same for the objects it
 * holds — in lists and map values too. Resource lists of the core types are rounded up to milli precision.
 * Fields that defaults add are put where Go writes them, in declaration order.
 */
public final class BuiltinDefaults {

    private static final String CORE = "io.k8s.api.core.v1.";
    private static final Map<String, TypeDefaulter> TYPES = registry();

    private BuiltinDefaults() {}

    private static Map<String, TypeDefaulter> registry() {
        Map<String, TypeDefaulter> types = new HashMap<>();
        PodDefaults.register(types);
        CoreDefaults.register(types);
        AppsDefaults.register(types);
        BatchDefaults.register(types);
        NetworkingDefaults.register(types);
        ClusterDefaults.register(types);
        PolicyDefaults.register(types);
        return Map.copyOf(types);
    }

    /** Sets the defaults of a built-in kind on a decoded object, in place. */
    public static void apply(ObjectSchema schema, Map<String, Object> object) {
        visitObject(schema, object);
    }

    private static void visit(Schema schema, Object value) {
        if (schema instanceof ObjectSchema type && value instanceof Map<?, ?> map) {
            visitObject(type, cast(map));
        } else if (schema instanceof ListSchema list && value instanceof List<?> items) {
            for (Object item : items) {
                visit(list.items(), item);
            }
        } else if (schema instanceof MapSchema map && value instanceof Map<?, ?> entries) {
            for (Object item : entries.values()) {
                visit(map.values(), item);
            }
        }
    }

    private static void visitObject(ObjectSchema type, Map<String, Object> object) {
        TypeDefaulter defaulter = TYPES.get(type.name());
        if (defaulter != null) {
            defaulter.apply(object);
        }
        for (Field field : type.fields().values()) {
            Object value = object.get(field.name());
            if (field.defaultValue() != null && unset(field, value)) {
                value = JsonTree.copy(field.defaultValue());
                if (!field.pointer() && field.omitEmpty() && Fields.isZero(value)) {
                    object.remove(field.name()); // Go's encoder drops the zero value it set
                    value = null;
                } else {
                    object.put(field.name(), value);
                }
            }
            if (value == null) {
                continue;
            }
            if (field.schema() instanceof MapSchema map
                    && isQuantity(map.values())
                    && type.name().startsWith(CORE)) {
                roundUp(cast((Map<?, ?>) value));
            } else {
                visit(field.schema(), value);
            }
        }
        if (!inDeclarationOrder(type, object)) {
            reorder(type, object);
        }
    }

    private static boolean unset(Field field, Object value) {
        return field.pointer() || field.schema() instanceof ListSchema || field.schema() instanceof MapSchema
                ? value == null
                : Fields.isZero(value);
    }

    private static boolean isQuantity(Schema schema) {
        return schema instanceof ScalarSchema scalar && scalar.type() == ScalarSchema.Type.QUANTITY;
    }

    /** {@code SetDefaults_ResourceList}: every quantity rounded up to a whole number of thousandths. */
    private static void roundUp(Map<String, Object> resources) {
        resources.replaceAll((name, quantity) -> Quantity.roundedUpToMilli(quantity));
    }

    /** Whether the object's keys follow the Go struct's field order (defaulting functions append). */
    private static boolean inDeclarationOrder(ObjectSchema type, Map<String, Object> object) {
        java.util.Iterator<String> keys = object.keySet().iterator();
        for (String name : type.fields().keySet()) {
            if (object.containsKey(name) && (!keys.hasNext() || !keys.next().equals(name))) {
                return false;
            }
        }
        return true;
    }

    private static void reorder(ObjectSchema type, Map<String, Object> object) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String name : type.fields().keySet()) {
            if (object.containsKey(name)) {
                ordered.put(name, object.get(name));
            }
        }
        object.forEach(ordered::putIfAbsent);
        object.clear();
        object.putAll(ordered);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
