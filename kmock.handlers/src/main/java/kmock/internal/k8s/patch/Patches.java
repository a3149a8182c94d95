package kmock.internal.k8s.patch;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import kmock.internal.json.Json;
import kmock.internal.k8s.store.KubernetesException;
import kmock.internal.k8s.store.KubernetesException.Reason;

/**
 * The patch types by content type: JSON merge patch (also plain {@code application/json}, as in the original),
 * JSON patch, strategic merge patch (as a merge patch: lists replaced), and server-side apply (YAML or JSON,
 * merged as a patch). Other types are a 415 naming the type.
 */
public final class Patches {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Patches() {
    }

    /** Whether a content type is server-side apply, which also creates missing objects. */
    public static boolean isApply(String contentType) {
        return base(contentType).equals("application/apply-patch+yaml");
    }

    /** The object with the patch body applied. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> apply(String contentType, Map<String, Object> current, byte[] body) {
        String type = base(contentType);
        Object result = switch (type) {
            case "application/merge-patch+json", "application/json", "application/strategic-merge-patch+json", "" ->
                    MergePatch.apply(current, json(body));
            case "application/json-patch+json" -> JsonPatch.apply(current, json(body));
            case "application/apply-patch+yaml" -> MergePatch.apply(current, yaml(body));
            default -> throw new KubernetesException(Reason.UNSUPPORTED_MEDIA_TYPE, "the patch content type '" + contentType
                    + "' is not supported: use application/merge-patch+json, application/json-patch+json, "
                    + "application/strategic-merge-patch+json or application/apply-patch+yaml");
        };
        if (!(result instanceof Map<?, ?> map)) {
            throw new KubernetesException(Reason.INVALID, "the patched object is not a JSON object");
        }
        return (Map<String, Object>) map;
    }

    /** A JSON or YAML request body as an object; malformed input is a 400. */
    public static Object yaml(byte[] body) {
        try {
            return YAML.readValue(body, Object.class);
        } catch (IOException e) {
            throw new KubernetesException(Reason.BAD_REQUEST, "the body is not valid YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Object json(byte[] body) {
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new KubernetesException(Reason.BAD_REQUEST, "the patch is not valid JSON: " + e.getMessage());
        }
    }

    private static String base(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}
