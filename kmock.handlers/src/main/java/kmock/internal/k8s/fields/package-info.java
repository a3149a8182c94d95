/**
 * Field ownership as server-side apply defines it (sigs.k8s.io/structured-merge-diff and kube-apiserver's field
 * manager): field sets and their FieldsV1 encoding, the walks of values by the schema model (field sets,
 * comparison, merge, removal), and {@link kmock.internal.k8s.fields.FieldManager}, which keeps
 * {@code metadata.managedFields} through updates and applies.
 */
package kmock.internal.k8s.fields;
