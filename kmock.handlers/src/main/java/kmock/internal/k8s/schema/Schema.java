package kmock.internal.k8s.schema;

/**
 * The shape of a JSON value in a Kubernetes object: an object with known fields, a list, a map, a scalar, or
 * anything at all. Built-in types and custom resources are described by the same nodes.
 */
public sealed interface Schema permits ObjectSchema, ListSchema, MapSchema, ScalarSchema, AnySchema {

    /** The value constraints of this node: enum, bounds, lengths, pattern, nullable; {@link Constraints#NONE} when none. */
    Constraints constraints();

    /** The JSON type name used in messages and OpenAPI: object, array, string, integer, number, boolean. */
    String typeName();
}
