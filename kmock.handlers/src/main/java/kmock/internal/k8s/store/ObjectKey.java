package kmock.internal.k8s.store;

import java.util.Comparator;
import java.util.Objects;

import kmock.api.Resource;
import kmock.internal.k8s.status.KubernetesException;

/**
 * Where an object lives: a complete resource, a namespace ({@code null} for cluster-wide objects) and a name.
 * Keys sort by resource, then namespace (cluster-wide first), then name: the order of lists.
 *
 * @param resource  the resource, with group, version and plural
 * @param namespace the namespace, or {@code null} for a cluster-wide object ({@code ""} is read as {@code null})
 * @param name      the object's name
 */
public record ObjectKey(Resource resource, String namespace, String name) implements Comparable<ObjectKey> {

    private static final Comparator<ObjectKey> ORDER = Comparator.comparing((ObjectKey key) -> key.resource.group())
            .thenComparing(key -> key.resource.version())
            .thenComparing(key -> key.resource.plural())
            .thenComparing(ObjectKey::namespace, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ObjectKey::name);

    /** Checks the parts. @throws IllegalArgumentException for an incomplete resource or an empty name */
    public ObjectKey {
        Objects.requireNonNull(resource, "resource");
        if (!resource.isComplete()) {
            throw new IllegalArgumentException("An object's resource needs a group, a version and a plural, but '"
                    + resource + "' lacks some; name it completely, such as 'v1/pods' or 'apps/v1/deployments'");
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("An object needs a name (resource " + resource + ")");
        }
        namespace = namespace == null || namespace.isEmpty() ? null : namespace;
    }

    /** Whether this key is of a resource and, unless {@code namespace} is {@code null}, of that namespace. */
    public boolean within(Resource resource, String namespace) {
        return this.resource.equals(resource) && (namespace == null || namespace.equals(this.namespace));
    }

    @Override
    public int compareTo(ObjectKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return resource + (namespace == null ? "" : " " + namespace) + "/" + name;
    }

    /** A failure about this object: its {@code Status} names the object's kind (group and plural) and name. */
    public KubernetesException failure(KubernetesException.Reason reason, String message) {
        return new KubernetesException(reason, message, name, resource.group(), resource.plural());
    }
}
