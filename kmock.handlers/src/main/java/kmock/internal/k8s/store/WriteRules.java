package kmock.internal.k8s.store;

import java.util.Map;

import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * The API server's rules for a write that the store checks against what it holds: a body must name the object of
 * its URL, a stale resourceVersion is a conflict, preconditions must hold, and a create needs a name or a
 * generateName.
 */
final class WriteRules {

    private WriteRules() {}

    /** @throws KubernetesException 409 when the body carries a resourceVersion other than the stored one */
    static void checkFresh(ObjectKey key, Map<String, Object> body, Map<String, Object> stored) {
        String expected = ManagedMetadata.string(ManagedMetadata.metadataOf(body), "resourceVersion");
        String actual = ManagedMetadata.string(ManagedMetadata.metadataOf(stored), "resourceVersion");
        if (expected != null && !expected.isEmpty() && actual != null && !expected.equals(actual)) {
            throw key.failure(
                    Reason.CONFLICT,
                    "Operation cannot be fulfilled on " + key.resource().plural()
                            + " \"" + key.name() + "\": the object has been modified; please apply your changes to the "
                            + "latest version and try again");
        }
    }

    /** @throws KubernetesException 409 when a delete's uid or resourceVersion precondition fails */
    static void checkPreconditions(ObjectKey key, WriteOptions options, Map<String, Object> stored) {
        Map<String, Object> meta = ManagedMetadata.metadataOf(stored);
        checkPrecondition(key, "UID", options.uid(), ManagedMetadata.string(meta, "uid"));
        checkPrecondition(
                key, "ResourceVersion", options.resourceVersion(), ManagedMetadata.string(meta, "resourceVersion"));
    }

    /** @throws KubernetesException 422 when a create has neither a name nor a generateName */
    static KubernetesException nameRequired(kmock.api.Resource resource) {
        return new KubernetesException(
                Reason.INVALID,
                resource.plural() + " is invalid: metadata.name: Required " + "value: name or generateName is required",
                null,
                resource.group(),
                resource.plural());
    }

    /** A 409 for a create whose name a live object holds. */
    static KubernetesException alreadyExists(ObjectKey key) {
        return key.failure(Reason.ALREADY_EXISTS, key.resource().plural() + " \"" + key.name() + "\" already exists");
    }

    /**
     * Whether an object being deleted is still kept after a write: by finalizers, by a grace period that runs (a
     * pod), or, for a namespace, by the finalizers of its spec.
     */
    static boolean keepsBeingDeleted(ObjectKey key, Map<String, Object> object) {
        if (ManagedMetadata.hasFinalizers(object) || ManagedMetadata.inGracePeriod(object)) {
            return true;
        }
        return key.resource().group().isEmpty()
                && key.resource().plural().equals("namespaces")
                && object.get("spec") instanceof Map<?, ?> spec
                && spec.get("finalizers") instanceof java.util.List<?> list
                && !list.isEmpty();
    }

    /** A 404 for an absent or deleted object. */
    static KubernetesException notFound(ObjectKey key) {
        return key.failure(
                Reason.NOT_FOUND,
                "object not found: " + key.resource().plural() + " \"" + key.name() + "\""
                        + (key.namespace() == null ? "" : " in namespace \"" + key.namespace() + "\""));
    }

    private static void checkPrecondition(ObjectKey key, String field, String required, String actual) {
        if (required != null && !required.equals(actual)) {
            throw key.failure(
                    Reason.CONFLICT,
                    "Operation cannot be fulfilled on " + key.resource().plural()
                            + " \"" + key.name() + "\": Precondition failed: " + field + " in precondition: " + required
                            + ", " + field + " in object meta: " + actual);
        }
    }
}
