package kmock.internal.k8s.schema;

/**
 * A JSON string, number, integer or boolean, or one of the Kubernetes scalars with a JSON form of their own.
 *
 * @param type        what JSON values it takes
 * @param constraints enum, bounds, lengths and pattern
 */
public record ScalarSchema(Type type, Constraints constraints) implements Schema {

    /** The scalar types; the Kubernetes ones say how Go writes their zero value. */
    public enum Type {
        STRING("string", null),
        BOOLEAN("boolean", null),
        INT32("integer", "int32"),
        INT64("integer", "int64"),
        /** A JSON integer of a custom resource, without a format. */
        INTEGER("integer", null),
        DOUBLE("number", "double"),
        /** A JSON number of a custom resource, without a format. */
        NUMBER("number", null),
        /** {@code []byte}: a base64 string. */
        BYTES("string", "byte"),
        /** {@code metav1.Time}: RFC 3339, {@code null} when zero. */
        DATE_TIME("string", "date-time"),
        /** {@code metav1.MicroTime}: RFC 3339 with microseconds, {@code null} when zero. */
        MICRO_TIME("string", "date-time"),
        /** {@code metav1.Duration}: a Go duration string such as {@code 1m30s}. */
        DURATION("string", null),
        /** {@code resource.Quantity}: a string such as {@code 100m} or {@code 1Gi}; numbers are accepted too. */
        QUANTITY("string", null),
        /** {@code intstr.IntOrString}: an integer or a string. */
        INT_OR_STRING("string", "int-or-string");

        private final String jsonType;
        private final String format;

        Type(String jsonType, String format) {
            this.jsonType = jsonType;
            this.format = format;
        }

        /** The OpenAPI {@code type}. */
        public String jsonType() {
            return jsonType;
        }

        /** The OpenAPI {@code format}, or {@code null}. */
        public String format() {
            return format;
        }
    }

    @Override
    public String typeName() {
        return type.jsonType();
    }
}
