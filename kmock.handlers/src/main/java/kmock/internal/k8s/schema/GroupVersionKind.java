package kmock.internal.k8s.schema;

/**
 * The type of a Kubernetes object: group ({@code ""} for the core group), version and kind.
 *
 * @param group   the API group, {@code ""} for core
 * @param version the version, e.g. {@code v1}
 * @param kind    the kind, e.g. {@code Deployment}
 */
public record GroupVersionKind(String group, String version, String kind) {

    /** From an apiVersion ({@code apps/v1} or {@code v1}) and a kind. */
    public static GroupVersionKind of(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return slash < 0
                ? new GroupVersionKind("", apiVersion, kind)
                : new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    /** The apiVersion as objects carry it. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    @Override
    public String toString() {
        return apiVersion() + ", Kind=" + kind;
    }
}
