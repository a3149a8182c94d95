package kmock.internal.k8s.schema;

/**
 * A field of an {@link ObjectSchema}: its schema and the facts that belong to the field rather than its type.
 *
 * @param name          the JSON name
 * @param schema        the schema of its value
 * @param required      whether an object without it is invalid
 * @param pointer       whether Go holds it as a pointer (absent stays absent; a zero value is kept)
 * @param omitEmpty     whether Go leaves it out when it is zero
 * @param defaultValue  the value the API server sets when it is absent, or {@code null}
 * @param patchStrategy the strategic merge patch strategy ({@code merge}, {@code retainKeys}, both
 *                      comma-separated, {@code replace}) or {@code null}
 * @param patchMergeKey the field that identifies list items for strategic merge patch, or {@code null}
 */
public record Field(
        String name,
        Schema schema,
        boolean required,
        boolean pointer,
        boolean omitEmpty,
        Object defaultValue,
        String patchStrategy,
        String patchMergeKey) {

    /** A field of a custom resource: never a Go zero value, no strategic merge facts. */
    public static Field of(String name, Schema schema, boolean required, Object defaultValue) {
        return new Field(name, schema, required, false, true, defaultValue, null, null);
    }

    /** Whether strategic merge patch merges this list by key or as a set (rather than replacing it). */
    public boolean mergesList() {
        return patchStrategy != null
                && java.util.Arrays.asList(patchStrategy.split(",")).contains("merge");
    }

    /** Whether strategic merge patch clears the keys this object's patch does not name ({@code retainKeys}). */
    public boolean retainsKeys() {
        return patchStrategy != null
                && java.util.Arrays.asList(patchStrategy.split(",")).contains("retainKeys");
    }
}
