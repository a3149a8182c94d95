package kmock.internal.k8s.requests;

import java.util.Arrays;
import java.util.regex.Pattern;

import kmock.api.Resource;

/**
 * The notations of a Kubernetes resource ({@code v1/pods}, {@code pods.v1}, {@code kopf.dev/v1/kopfexamples},
 * {@code kopfexamples.v1.kopf.dev}, {@code deployments.apps}, a bare plural) and of API versions, shared by
 * {@link Resource#parse}, the reading of request paths and the criteria parser, which tells resource strings from
 * other criteria strings with it.
 */
public final class ResourceNotation {

    private static final Pattern VERSION = Pattern.compile("v\\d+(?:(?:alpha|beta)\\d*)?");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern GROUP =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private ResourceNotation() {}

    /** Whether a string looks like a Kubernetes API version: {@code v1}, {@code v1beta2}, {@code v2alpha1}. */
    public static boolean isVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    /**
     * Parses a resource notation that names at least a version and a plural, or returns {@code null}. With
     * {@code allowPartial}, a bare plural and {@code plural.group} (any version) are accepted too.
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
            String group = String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
            return group.isEmpty() || isGroup(group) ? new Resource(group, parts[1], parts[0]) : null;
        }
        String group = String.join(".", Arrays.copyOfRange(parts, 1, parts.length));
        return allowPartial && isGroup(group) ? new Resource(group, null, parts[0]) : null;
    }

    private static boolean isName(String text) {
        return NAME.matcher(text).matches() && !isVersion(text);
    }

    private static boolean isGroup(String text) {
        return GROUP.matcher(text).matches();
    }
}
