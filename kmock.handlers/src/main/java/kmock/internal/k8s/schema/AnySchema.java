package kmock.internal.k8s.schema;

/**
 * Any JSON value, kept as given: {@code RawExtension}, {@code apiextensions JSON}, {@code FieldsV1}, and in custom
 * resources a node with {@code x-kubernetes-preserve-unknown-fields} and no type.
 *
 * @param constraints what the value must satisfy
 */
public record AnySchema(Constraints constraints) implements Schema {

    /** Any value, unconstrained. */
    public static final AnySchema ANY = new AnySchema(Constraints.NONE);

    @Override
    public String typeName() {
        return "";
    }
}
