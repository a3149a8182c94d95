package kmock.internal.k8s.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.json.Json;

/**
 * OpenAPI v3, only as much as kubectl needs to validate {@code create/apply -f} against the server: an index of
 * group-versions and, per group-version, a document whose object paths carry a {@code patch} operation with the
 * group-version-kind and a {@code fieldValidation} parameter, and permissive schemas.
 */
public final class OpenApi {

    private final Map<Resource, ResourceInfo> resources;

    /** Documents for these resources. */
    public OpenApi(Map<Resource, ResourceInfo> resources) {
        this.resources = resources;
    }

    /** {@code /openapi/v3}: the group-versions with stable hashes of their documents. */
    public Map<String, Object> index() {
        Map<String, Object> paths = new TreeMap<>();
        for (Map.Entry<String, List<String>> group : new Discovery(resources).groupVersions().entrySet()) {
            for (String version : group.getValue()) {
                String key = group.getKey().isEmpty() ? "api/" + version : "apis/" + group.getKey() + "/" + version;
                paths.put(key, Map.of("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash(document(group.getKey(), version))));
            }
        }
        return Map.of("paths", paths);
    }

    /** {@code /openapi/v3/api/v1} or {@code /openapi/v3/apis/{group}/{version}}, or {@code null} when nothing is served. */
    public Map<String, Object> document(String group, String version) {
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Object> schemas = new TreeMap<>();
        resources.forEach((resource, info) -> {
            if (!resource.group().equals(group) || !resource.version().equals(version)) {
                return;
            }
            String kind = info.kindFor(resource.plural());
            String schemaName = (group.isEmpty() ? "io.k8s.api.core" : group) + "." + version + "." + kind;
            String base = resource.path().replace("/" + resource.plural(), "");
            String collection = info.namespaced() ? base + "/namespaces/{namespace}/" + resource.plural() : resource.path();
            Map<String, Object> gvk = Map.of("group", group, "version", version, "kind", kind);
            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("operationId", "patch" + kind);
            patch.put("parameters", List.of(Map.of("name", "fieldValidation", "in", "query", "schema", Map.of("type", "string"))));
            patch.put("x-kubernetes-action", "patch");
            patch.put("x-kubernetes-group-version-kind", gvk);
            patch.put("responses", Map.of("200", Map.of("description", "OK")));
            Map<String, Object> post = new LinkedHashMap<>(patch);
            post.put("operationId", "create" + kind);
            post.put("x-kubernetes-action", "post");
            paths.put(collection, Map.of("post", post));
            paths.put(collection + "/{name}", Map.of("patch", patch, "put", post));
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("x-kubernetes-preserve-unknown-fields", true);
            schema.put("x-kubernetes-group-version-kind", List.of(gvk));
            schema.put("properties", Map.of("apiVersion", Map.of("type", "string"), "kind", Map.of("type", "string"),
                    "metadata", Map.of("type", "object", "x-kubernetes-preserve-unknown-fields", true)));
            schemas.put(schemaName, schema);
        });
        if (paths.isEmpty()) {
            return null;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.0");
        document.put("info", Map.of("title", "Kubernetes", "version", "v1.32.0"));
        document.put("paths", paths);
        document.put("components", Map.of("schemas", schemas));
        return document;
    }

    private static String hash(Object document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.toText(document).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
