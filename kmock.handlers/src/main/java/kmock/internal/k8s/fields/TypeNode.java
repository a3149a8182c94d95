package kmock.internal.k8s.fields;

import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.AnySchema;
import kmock.internal.k8s.schema.Field;
import kmock.internal.k8s.schema.ListSchema;
import kmock.internal.k8s.schema.MapSchema;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.ScalarSchema;
import kmock.internal.k8s.schema.Schema;

/**
 * A node of the schema as server-side apply reads it: what values it takes (scalar, list, map), whether a list or
 * map is atomic (replaced and owned as a whole) or granular, and the nodes of its fields, values and items. Values
 * without a schema are "deduced" as the API server does for unstructured types: maps granular, lists atomic (and
 * everything inside a list atomic too). An untyped node of a built-in type ({@code RawExtension}) is atomic.
 */
final class TypeNode {

    /** What a value is, for the walks: a map (objects and maps alike), a list or a scalar. */
    enum Form {
        MAP,
        LIST,
        SCALAR
    }

    /** No schema: maps granular, lists and their content atomic. */
    static final TypeNode DEDUCED = new TypeNode(null, true, false);
    /** No schema, and everything atomic. */
    static final TypeNode UNTYPED_ATOMIC = new TypeNode(null, true, true);

    private final Schema schema;
    private final boolean custom;
    private final boolean untypedAtomic;

    private TypeNode(Schema schema, boolean custom, boolean untypedAtomic) {
        this.schema = schema;
        this.custom = custom;
        this.untypedAtomic = untypedAtomic;
    }

    /**
     * The root node of a kind.
     *
     * @param schema the kind's schema, or {@code null} when nobody declared one
     * @param custom whether the kind is a custom resource (its untyped nodes are deduced, not atomic)
     */
    static TypeNode root(ObjectSchema schema, boolean custom) {
        return schema == null ? DEDUCED : new TypeNode(schema, custom, false);
    }

    private TypeNode of(Schema child) {
        if (child == null) {
            return DEDUCED;
        }
        if (child instanceof AnySchema) {
            return custom ? DEDUCED : UNTYPED_ATOMIC;
        }
        return new TypeNode(child, custom, false);
    }

    /** The schema behind this node, or {@code null} when untyped. */
    Schema schema() {
        return schema;
    }

    /** Whether this node has no schema of its own. */
    boolean untyped() {
        return schema == null;
    }

    /** Whether the node takes a value of this form. */
    boolean accepts(Form form) {
        if (schema == null) {
            return true;
        }
        return switch (form) {
            case MAP -> schema instanceof ObjectSchema || schema instanceof MapSchema;
            case LIST -> schema instanceof ListSchema;
            case SCALAR -> schema instanceof ScalarSchema;
        };
    }

    /** The form of a value ({@code null} takes the node's own form, a map where the node allows one). */
    Form formOf(Object value) {
        if (value instanceof Map<?, ?>) {
            return Form.MAP;
        }
        if (value instanceof List<?>) {
            return Form.LIST;
        }
        if (value != null) {
            return Form.SCALAR;
        }
        if (accepts(Form.MAP)) {
            return Form.MAP;
        }
        return accepts(Form.SCALAR) ? Form.SCALAR : Form.LIST;
    }

    /** The form this node works with for a value: the value's own when accepted, else the node's (and the walk reports it). */
    Form effectiveForm(Object value) {
        Form form = formOf(value);
        if (accepts(form)) {
            return form;
        }
        if (schema instanceof ObjectSchema || schema instanceof MapSchema) {
            return Form.MAP;
        }
        return schema instanceof ListSchema ? Form.LIST : Form.SCALAR;
    }

    /** Whether a map node is replaced and owned as a whole. */
    boolean atomicMap() {
        if (schema == null) {
            return untypedAtomic;
        }
        if (schema instanceof ObjectSchema object) {
            return object.atomic();
        }
        return schema instanceof MapSchema map && map.atomic();
    }

    /** How a list node merges. */
    ListSchema.ListType listType() {
        return schema instanceof ListSchema list ? list.type() : ListSchema.ListType.ATOMIC;
    }

    /** The key fields of a map list. */
    List<String> keys() {
        return schema instanceof ListSchema list ? list.keys() : List.of();
    }

    /** The node of a list's items. */
    TypeNode items() {
        return schema instanceof ListSchema list ? of(list.items()) : UNTYPED_ATOMIC;
    }

    /** Whether a key names a declared field of an object (rather than a key of a map, or an unknown field). */
    boolean namedField(String key) {
        return schema instanceof ObjectSchema object && object.field(key) != null;
    }

    /** Whether a map node takes this key: a declared field, any key of a map, or any key where unknown fields are kept. */
    boolean declares(String key) {
        if (!(schema instanceof ObjectSchema object)) {
            return true;
        }
        return object.field(key) != null
                || object.preservesUnknownFields()
                || object.fields().isEmpty();
    }

    /** The node of a key's value. */
    TypeNode child(String key) {
        if (schema instanceof ObjectSchema object) {
            Field field = object.field(key);
            return field == null ? DEDUCED : of(field.schema());
        }
        if (schema instanceof MapSchema map) {
            return of(map.values());
        }
        return untypedAtomic ? UNTYPED_ATOMIC : DEDUCED;
    }

    /** The default of a key field of this list's items, or {@code null}. */
    Object keyDefault(String key) {
        if (schema instanceof ListSchema list && list.items() instanceof ObjectSchema item && item.field(key) != null) {
            return item.field(key).defaultValue();
        }
        return null;
    }

    /** A message for a scalar that this scalar node does not take, or {@code null} when it fits. */
    String scalarMismatch(Object value) {
        if (value == null || !(schema instanceof ScalarSchema scalar)) {
            return null;
        }
        return switch (scalar.type()) {
            case BOOLEAN -> value instanceof Boolean ? null : "expected boolean, got " + JsonValues.json(value);
            case INT32, INT64, INTEGER, DOUBLE, NUMBER ->
                value instanceof Number ? null : "expected numeric (int or float), got " + goType(value);
            case INT_OR_STRING, QUANTITY ->
                value instanceof Number || value instanceof String || value instanceof Boolean
                        ? null
                        : "expected any scalar, got " + JsonValues.json(value);
            default -> value instanceof String ? null : "expected string, got " + JsonValues.json(value);
        };
    }

    /** The Go type name of a decoded JSON value, as structured-merge-diff's messages print it. */
    static String goType(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Map<?, ?>) {
            return "map[string]interface {}";
        }
        if (value instanceof List<?>) {
            return "[]interface {}";
        }
        return value instanceof Double ? "float64" : "int64";
    }
}
