package kmock.internal.k8s.defaults;

import java.util.regex.Pattern;

/**
 * The tag of a container image reference as the API server reads it to default {@code imagePullPolicy}: the
 * reference grammar of the container registries (a lowercase repository path, optionally behind a registry host,
 * then {@code :tag} and/or {@code @digest}); no tag and no digest means {@code latest}, an unreadable reference
 * has no tag at all.
 */
final class ImageReference {

    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "(?::[0-9]+)?|\\[[a-fA-F0-9:]+](?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST =
            Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final Pattern HEX_ID = Pattern.compile("[a-f0-9]{64}");

    private ImageReference() {}

    /** The tag: the given one, {@code latest} when neither a tag nor a digest is given, {@code ""} when unreadable. */
    static String tag(String image) {
        String rest = image;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                return "";
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return "";
            }
        }
        if (!validName(rest)) {
            return "";
        }
        return tag != null ? tag : digest != null ? "" : "latest";
    }

    private static boolean validName(String name) {
        if (name.isEmpty() || HEX_ID.matcher(name).matches()) {
            return false;
        }
        String path = name;
        int slash = name.indexOf('/');
        if (slash >= 0) {
            String first = name.substring(0, slash);
            boolean domain = first.contains(".")
                    || first.contains(":")
                    || first.equals("localhost")
                    || !first.toLowerCase(java.util.Locale.ROOT).equals(first);
            if (domain) {
                if (!DOMAIN.matcher(first).matches()) {
                    return false;
                }
                path = name.substring(slash + 1);
            }
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                return false;
            }
        }
        return true;
    }
}
