package kmock.internal.k8s.patch;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import kmock.internal.json.Json;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.KindSchemas;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * The patch types by content type: JSON merge patch (also plain {@code application/json}, as in the original),
 * JSON patch, strategic merge patch (by the kind's schema for built-in kinds; a 415 for custom resources, as
 * kube-apiserver answers; a merge patch for kinds nobody declared a schema for), and server-side apply (YAML or
 * JSON, merged as a patch). Other types are a 415 naming the type.
 */
public final class Patches {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Patches() {}

    /** Whether a content type is server-side apply, which also creates missing objects. */
    public static boolean isApply(String contentType) {
        return base(contentType).equals("application/apply-patch+yaml");
    }

    /**
     * The object with the patch body applied.
     *
     * @param contentType the request's content type, which names the patch type
     * @param current     the object to patch (left unchanged)
     * @param body        the patch
     * @param schemas     the schemas the emulator knows
     * @param kind        the kind of the patched object, whose schema a strategic merge patch follows; {@code null}
     *                    for plain storage, where a strategic merge patch merges as a JSON merge patch
     */
    /**
     * Checks a patch type before the object is looked up, as the API server does: an unknown type, or a strategic
     * merge patch of a custom resource, is a 415 even for an object that does not exist.
     *
     * @throws KubernetesException 415
     */
    public static void checkType(String contentType, KindSchemas schemas, GroupVersionKind kind) {
        String type = base(contentType);
        if (type.equals("application/strategic-merge-patch+json") && kind != null && schemas.isCustom(kind)) {
            strategic(Map.of(), new byte[0], schemas, kind);
        }
        if (!List.of(
                        "application/merge-patch+json",
                        "application/json",
                        "",
                        "application/strategic-merge-patch+json",
                        "application/json-patch+json",
                        "application/apply-patch+yaml")
                .contains(type)) {
            apply(contentType, Map.of(), new byte[0], schemas, kind);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> apply(
            String contentType, Map<String, Object> current, byte[] body, KindSchemas schemas, GroupVersionKind kind) {
        String type = base(contentType);
        Object result =
                switch (type) {
                    case "application/merge-patch+json", "application/json", "" ->
                        MergePatch.apply(current, json(body));
                    case "application/strategic-merge-patch+json" -> strategic(current, body, schemas, kind);
                    case "application/json-patch+json" -> JsonPatch.apply(current, json(body));
                    case "application/apply-patch+yaml" -> MergePatch.apply(current, yaml(body));
                    default ->
                        throw new KubernetesException(
                                Reason.UNSUPPORTED_MEDIA_TYPE,
                                "the patch content type '" + contentType
                                        + "' is not supported: use application/merge-patch+json, application/json-patch+json, "
                                        + "application/strategic-merge-patch+json or application/apply-patch+yaml");
                };
        if (!(result instanceof Map<?, ?> map)) {
            throw new KubernetesException(Reason.INVALID, "the patched object is not a JSON object");
        }
        return (Map<String, Object>) map;
    }

    private static Object strategic(
            Map<String, Object> current, byte[] body, KindSchemas schemas, GroupVersionKind kind) {
        if (kind == null) {
            return MergePatch.apply(current, json(body));
        }
        if (schemas.isCustom(kind)) {
            // The API server has no patch strategies for custom resources and does not offer this patch type for them.
            throw new KubernetesException(
                    Reason.UNSUPPORTED_MEDIA_TYPE,
                    "the body of the request was in an unknown format - "
                            + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                            + "application/apply-patch+yaml");
        }
        ObjectSchema schema = schemas.get(kind);
        return schema == null
                ? MergePatch.apply(current, json(body))
                : StrategicMergePatch.apply(current, json(body), schema);
    }

    /** A JSON or YAML request body as an object; malformed input is a 400. */
    public static Object yaml(byte[] body) {
        try {
            return YAML.readValue(body, Object.class);
        } catch (IOException e) {
            throw new KubernetesException(
                    Reason.BAD_REQUEST,
                    "the body is not valid YAML or JSON: "
                            + e.getMessage().lines().findFirst().orElse(""));
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
