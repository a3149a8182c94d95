package kmock.internal.k8s.requests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import kmock.api.Resource;
import kmock.internal.http.SharedStrings;

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
public record KubernetesPath(
        Resource resource, String namespace, String name, String subresource, boolean watchPrefix) {

    /** The reading of a path with no Kubernetes meaning. */
    public static final KubernetesPath NONE = new KubernetesPath(null, null, null, null, false);

    /** Subresources of a namespace itself, which would otherwise read as namespaced collections. */
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /** Recently read resources, by hash: a newer one takes its slot from an older one. */
    private static final Resource[] RESOURCES = new Resource[256];

    /** Parses a decoded URL path; never fails, answering {@link #NONE} for paths of other shapes. */
    public static KubernetesPath parse(String path) {
        if (path == null || !path.contains("/api")) {
            return NONE; // every request is read, most are not Kubernetes ones: no splitting for those
        }
        String[] all = segments(path);
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
        if (rest[0].equals("namespaces")
                && rest.length >= 3
                && !(rest.length == 3 && NAMESPACE_SUBRESOURCES.contains(rest[2]))) {
            namespace = SharedStrings.of(rest[1]);
            rest = Arrays.copyOfRange(rest, 2, rest.length);
        }
        Resource resource = resource(group, version, rest[0]);
        String name = rest.length > 1 ? rest[1] : null;
        String subresource = rest.length > 2 ? String.join("/", Arrays.copyOfRange(rest, 2, rest.length)) : null;
        return new KubernetesPath(resource, namespace, name, subresource, watch);
    }

    /** A shared equal resource: every request of a log keeps its reading, and most name a handful of resources. */
    private static Resource resource(String group, String version, String plural) {
        int slot = (group.hashCode() * 31 + version.hashCode()) * 31 + plural.hashCode() & (RESOURCES.length - 1);
        Resource known = RESOURCES[slot];
        if (known != null
                && known.plural().equals(plural)
                && known.version().equals(version)
                && known.group().equals(group)) {
            return known;
        }
        Resource made = new Resource(SharedStrings.of(group), SharedStrings.of(version), SharedStrings.of(plural));
        RESOURCES[slot] = made;
        return made;
    }

    /** The non-empty segments of a path. */
    private static String[] segments(String path) {
        List<String> segments = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    segments.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return segments.toArray(new String[0]);
    }
}
