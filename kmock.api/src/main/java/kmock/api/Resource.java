package kmock.api;

import java.util.Objects;

import kmock.internal.k8s.requests.ResourceNotation;

/**
 * A Kubernetes resource: API group ({@code ""} for the core group), version and plural name. A {@code null}
 * part means "any" when the resource is used as a criterion ({@code Criteria.resource(new Resource(null, "v1",
 * "pods"))} matches pods of every group).
 *
 * @param group   the API group, {@code ""} for the core group, {@code null} for any
 * @param version the API version such as {@code v1} or {@code v1beta2}, {@code null} for any
 * @param plural  the plural name such as {@code pods}, {@code null} for any
 * @since 0.1
 */
public record Resource(String group, String version, String plural) {

    /**
     * Parses every notation of a resource: {@code v1/pods}, {@code pods.v1}, {@code kopf.dev/v1/kopfexamples},
     * {@code kopfexamples.v1.kopf.dev}, {@code deployments.apps} (any version), {@code apps/v1/deployments},
     * and a bare plural {@code pods} (any group and version).
     *
     * @throws IllegalArgumentException when the text is none of these notations
     */
    public static Resource parse(String text) {
        Resource resource = ResourceNotation.tryParse(text, true);
        if (resource == null) {
            throw new IllegalArgumentException("Not a Kubernetes resource: '" + text + "'. Use 'v1/pods', 'pods.v1', "
                    + "'kopf.dev/v1/kopfexamples', 'kopfexamples.v1.kopf.dev', 'deployments.apps' or a plural 'pods'.");
        }
        return resource;
    }

    /** {@code group/version} as Kubernetes writes it in {@code apiVersion}: {@code v1} for the core group. */
    public String apiVersion() {
        return group == null || group.isEmpty() ? version : group + "/" + version;
    }

    /** Whether every part is known, so the resource can be served and discovered. */
    public boolean isComplete() {
        return group != null && version != null && plural != null;
    }

    /** Whether this resource, read as a criterion with {@code null} meaning "any", matches a concrete one. */
    public boolean matches(Resource actual) {
        return actual != null
                && (group == null || group.equals(actual.group))
                && (version == null || version.equals(actual.version))
                && (plural == null || plural.equals(actual.plural));
    }

    /** The URL path of the collection, without a namespace: {@code /api/v1/pods}, {@code /apis/apps/v1/deployments}. */
    public String path() {
        Objects.requireNonNull(version, "version");
        String base = group == null || group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return plural == null ? base : base + "/" + plural;
    }

    /** The dotted notation: {@code pods.v1}, {@code kopfexamples.v1.kopf.dev}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(plural == null ? "*" : plural);
        text.append('.').append(version == null ? "*" : version);
        if (group == null) {
            text.append(".*");
        } else if (!group.isEmpty()) {
            text.append('.').append(group);
        }
        return text.toString();
    }
}
