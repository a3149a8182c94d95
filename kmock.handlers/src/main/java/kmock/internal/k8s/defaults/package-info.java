/**
 * The defaults the API server sets on a decoded object, kind by kind and type by type, as its defaulting functions
 * and {@code +default} markers do for built-in kinds, and as a custom resource's structural schema says with its
 * {@code default}s.
 */
package kmock.internal.k8s.defaults;
