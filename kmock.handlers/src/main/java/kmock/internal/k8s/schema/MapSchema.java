package kmock.internal.k8s.schema;

/**
 * A JSON object whose keys are data ({@code map[string]T}, {@code additionalProperties}), every value of one schema.
 *
 * @param values      the schema of every value
 * @param atomic      whether server-side apply replaces it as a whole ({@code x-kubernetes-map-type: atomic})
 * @param constraints minProperties, maxProperties and the like
 */
public record MapSchema(Schema values, boolean atomic, Constraints constraints) implements Schema {

    @Override
    public String typeName() {
        return "object";
    }
}
