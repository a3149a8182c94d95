package kmock.internal.k8s.controllers.nodes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Image references as a container runtime reports them in container statuses: the normalised name
 * ({@code nginx} is {@code docker.io/library/nginx:latest}), a digest for {@code imageID}, and container ids.
 */
final class Images {

    private Images() {}

    /** The fully qualified reference of an image, as containerd writes it in {@code status.containerStatuses[].image}. */
    static String normalized(String image) {
        if (image == null || image.isBlank()) {
            return "";
        }
        String reference = image.trim();
        int slash = reference.indexOf('/');
        String first = slash < 0 ? "" : reference.substring(0, slash);
        boolean registry = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        if (!registry) {
            reference = "docker.io/" + (slash < 0 ? "library/" : "") + reference;
        }
        String path = reference.substring(reference.indexOf('/') + 1);
        boolean tagged = path.contains(":") || path.contains("@");
        return tagged ? reference : reference + ":latest";
    }

    /** The image id: the repository with a digest derived from the reference. */
    static String id(String image) {
        String normalized = normalized(image);
        int at = normalized.indexOf('@');
        if (at >= 0) {
            return normalized;
        }
        int tag = normalized.lastIndexOf(':');
        String repository = tag > normalized.lastIndexOf('/') ? normalized.substring(0, tag) : normalized;
        return repository + "@sha256:" + sha256(normalized);
    }

    /** A container id, the same for the same pod, container and restart. */
    static String containerId(String podUid, String container, long restart) {
        return "containerd://" + sha256(podUid + "/" + container + "/" + restart);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
