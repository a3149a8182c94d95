package kmock.internal.k8s.requests;

import java.util.Arrays;
import java.util.Set;

import kmock.api.Resource;

/**
 * The Kubernetes reading of a URL path, for every request whatever the handler: {@code /api/v1/...} is the core
 * group, {@code /apis/{group}/{version}/...} the others, then optionally {@code namespaces/{ns}/}, the plural,
 * the name and the rest as the subresource. The legacy {@code /watch/} prefix segment marks a watch.
 *
 * @param resource    the resource, or {@code null} when the path names none (discovery, other APIs)
 * @param namespace   the namespace in the URL, or {@code null}
 * @param name        the object name in the URL, or {@code null}
 * @param subresource the rest after the name ({@code status}, {@code scale}), or {@code null}
 * @param watchPrefix whether the path used the legacy {@code /watch/} segment
 */
public record KubernetesPath(Resource resource, String namespace, String name, String subresource, boolean watchPrefix) {

    /** The reading of a path with no Kubernetes meaning. */
    public static final KubernetesPath NONE = new KubernetesPath(null, null, null, null, false);

    /** Subresources of a namespace itself, which would otherwise read as namespaced collections. */
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /** Parses a decoded URL path; never fails, answering {@link #NONE} for paths of other shapes. */
    public static KubernetesPath parse(String path) {
        if (path == null) {
            return NONE;
        }
        String[] all = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        String group;
        String version;
        int at;
        if (all.length >= 2 && all[0].equals("api") && ResourceNotation.isVersion(all[1])) {
            group = "";
            version = all[1];
            at = 2;
        } else if (all.length >= 3 && all[0].equals("apis") && ResourceNotation.isVersion(all[2])) {
            group = all[1];
            version = all[2];
            at = 3;
        } else {
            return NONE;
        }
        boolean watch = false;
        if (at < all.length && all[at].equals("watch")) {
            watch = true;
            at++;
        }
        String[] rest = Arrays.copyOfRange(all, at, all.length);
        if (rest.length == 0) {
            return NONE;
        }
        String namespace = null;
        if (rest[0].equals("namespaces") && rest.length >= 3 && !(rest.length == 3 && NAMESPACE_SUBRESOURCES.contains(rest[2]))) {
            namespace = rest[1];
            rest = Arrays.copyOfRange(rest, 2, rest.length);
        }
        Resource resource = new Resource(group, version, rest[0]);
        String name = rest.length > 1 ? rest[1] : null;
        String subresource = rest.length > 2 ? String.join("/", Arrays.copyOfRange(rest, 2, rest.length)) : null;
        return new KubernetesPath(resource, namespace, name, subresource, watch);
    }
}
