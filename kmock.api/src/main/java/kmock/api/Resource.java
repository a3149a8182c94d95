package kmock.api;

import java.util.Objects;
import java.util.regex.Pattern;

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

    private static final Pattern VERSION = Pattern.compile("v\\d+(?:(?:alpha|beta)\\d*)?");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern GROUP = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** Whether a string looks like a Kubernetes API version: {@code v1}, {@code v1beta2}, {@code v2alpha1}. */
    public static boolean isVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    /**
     * Parses every notation of a resource: {@code v1/pods}, {@code pods.v1}, {@code kopf.dev/v1/kopfexamples},
     * {@code kopfexamples.v1.kopf.dev}, {@code deployments.apps} (any version), {@code apps/v1/deployments},
     * and a bare plural {@code pods} (any group and version).
     *
     * @throws IllegalArgumentException when the text is none of these notations
     */
    public static Resource parse(String text) {
        Resource resource = tryParse(text, true);
        if (resource == null) {
            throw new IllegalArgumentException("Not a Kubernetes resource: '" + text + "'. Use 'v1/pods', 'pods.v1', "
                    + "'kopf.dev/v1/kopfexamples', 'kopfexamples.v1.kopf.dev', 'deployments.apps' or a plural 'pods'.");
        }
        return resource;
    }

    /**
     * Parses a resource notation that names at least a version and a plural, or returns {@code null}; used to
     * tell resource strings from other criteria strings. With {@code allowPartial}, a bare plural and
     * {@code plural.group} are accepted too.
     */
    public static Resource tryParse(String text, boolean allowPartial) {
        if (text == null || text.isEmpty() || text.startsWith("/") || !text.equals(text.trim())) {
            return null;
        }
        if (text.contains("/")) {
            String[] parts = text.split("/", -1);
            if (parts.length == 2 && isVersion(parts[0]) && isName(parts[1])) {
                return new Resource("", parts[0], parts[1]);
            }
            if (parts.length == 3 && isGroup(parts[0]) && isVersion(parts[1]) && isName(parts[2])) {
                return new Resource(parts[0], parts[1], parts[2]);
            }
            return null;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length == 1) {
            return allowPartial && isName(parts[0]) ? new Resource(null, null, parts[0]) : null;
        }
        if (!isName(parts[0])) {
            return null;
        }
        if (isVersion(parts[1])) {
            String group = String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
            return group.isEmpty() || isGroup(group) ? new Resource(group, parts[1], parts[0]) : null;
        }
        String group = String.join(".", java.util.Arrays.copyOfRange(parts, 1, parts.length));
        return allowPartial && isGroup(group) ? new Resource(group, null, parts[0]) : null;
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

    private static boolean isName(String text) {
        return NAME.matcher(text).matches() && !isVersion(text);
    }

    private static boolean isGroup(String text) {
        return GROUP.matcher(text).matches();
    }
}
