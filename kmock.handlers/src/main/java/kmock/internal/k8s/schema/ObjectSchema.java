package kmock.internal.k8s.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object with named fields: a Go struct of a built-in type, or an object with {@code properties} in a custom
 * resource's schema. Built once and then read-only; the fields of inlined structs are its own.
 */
public final class ObjectSchema implements Schema {

    private final String name;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, Field> view = Collections.unmodifiableMap(fields);
    private boolean atomic;
    private boolean preserveUnknownFields;
    private boolean embeddedResource;
    private Constraints constraints = Constraints.NONE;

    /** An object schema to be filled in by a reader. @param name the OpenAPI definition name or a path for messages */
    public ObjectSchema(String name) {
        this.name = name;
    }

    /** The OpenAPI definition name ({@code io.k8s.api.core.v1.Container}), or a descriptive path for custom resources. */
    public String name() {
        return name;
    }

    /** The fields by JSON name, in declaration order. */
    public Map<String, Field> fields() {
        return view;
    }

    /** A field by JSON name, or {@code null}. */
    public Field field(String jsonName) {
        return fields.get(jsonName);
    }

    /** Whether server-side apply replaces it as a whole ({@code +structType=atomic}, {@code x-kubernetes-map-type: atomic}). */
    public boolean atomic() {
        return atomic;
    }

    /** Whether fields it does not declare are kept ({@code x-kubernetes-preserve-unknown-fields}). */
    public boolean preservesUnknownFields() {
        return preserveUnknownFields;
    }

    /** Whether it holds a whole Kubernetes object with its own apiVersion, kind and metadata. */
    public boolean embeddedResource() {
        return embeddedResource;
    }

    @Override
    public Constraints constraints() {
        return constraints;
    }

    @Override
    public String typeName() {
        return "object";
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- building (by the readers of this package, before the schema is shared) -------------------------------

    void add(Field field) {
        fields.put(field.name(), field);
    }

    void atomic(boolean value) {
        this.atomic = value;
    }

    void preserveUnknownFields(boolean value) {
        this.preserveUnknownFields = value;
    }

    void embeddedResource(boolean value) {
        this.embeddedResource = value;
    }

    void constraints(Constraints value) {
        this.constraints = value;
    }
}
