/**
 * What the emulator knows of the shape of Kubernetes objects: one schema model, read from the facts of the
 * built-in types ({@code builtin-schemas.txt}, generated from the Go sources) or from a CustomResourceDefinition's
 * {@code openAPIV3Schema}, and used by strategic merge patch, server-side apply, defaulting, validation and
 * pruning alike.
 */
package kmock.internal.k8s.schema;
