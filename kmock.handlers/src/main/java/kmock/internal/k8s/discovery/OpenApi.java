package kmock.internal.k8s.discovery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.json.Json;

/**
 * OpenAPI v3, only as much as kubectl needs to validate {@code create/apply -f} on the server: an index of
 * group-versions ({@code /openapi/v3}) and per group-version a document ({@code /openapi/v3/apis/{g}/{v}}) where
 * every resource's object path has a {@code patch} operation carrying its group-version-kind and a
 * {@code fieldValidation} query parameter (kubectl's test for server-side validation), and every kind a
 * permissive schema. Pure functions of one catalog snapshot; the index's hashes change only with the documents.
 * Every map with more than one key is insertion-ordered, so that the JSON, and with it the hash, is the same in
 * every JVM.
 */
public final class OpenApi {

    private final Catalog catalog;

    /** Documents for a snapshot of these resources. */
    public OpenApi(Map<Resource, ResourceInfo> resources) {
        this(Catalog.of(resources));
    }

    /** Documents for a catalog snapshot. */
    public OpenApi(Catalog catalog) {
        this.catalog = catalog;
    }

    /** {@code /openapi/v3}: each group-version's document path with a hash of its content, as kubectl caches by it. */
    public Map<String, Object> index() {
        Map<String, Object> paths = new LinkedHashMap<>();
        catalog.groupVersions().forEach((group, versions) -> {
            for (String version : versions) {
                String key = group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash(document(group, version)));
                paths.put(key, entry);
            }
        });
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("paths", paths);
        return index;
    }

    /**
     * {@code /openapi/v3/api/{version}} (group {@code ""}) or {@code /openapi/v3/apis/{group}/{version}}, or
     * {@code null} when nothing is served there.
     */
    public Map<String, Object> document(String group, String version) {
        List<Catalog.Entry> entries = catalog.entries(group, version);
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Object> schemas = new TreeMap<>();
        for (Catalog.Entry entry : entries) {
            Resource resource = entry.resource();
            String schema = schemaName(resource, entry.kind());
            Map<String, Object> gvk = new LinkedHashMap<>();
            gvk.put("group", group);
            gvk.put("version", version);
            gvk.put("kind", entry.kind());
            String scope = entry.namespaced() ? "Namespaced" : "";
            String prefix = resource.path().substring(0, resource.path().length() - resource.plural().length());
            String collection = prefix + (entry.namespaced() ? "namespaces/{namespace}/" : "") + resource.plural();
            paths.put(collection, Map.of("post", operation("create" + scope + entry.kind(), "post", gvk, schema)));
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("put", operation("replace" + scope + entry.kind(), "put", gvk, schema));
            object.put("patch", operation("patch" + scope + entry.kind(), "patch", gvk, schema));
            paths.put(collection + "/{name}", object);
            schemas.put(schema, permissiveSchema(gvk));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Kubernetes");
        info.put("version", Discovery.RELEASE);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.0");
        document.put("info", info);
        document.put("paths", paths);
        document.put("components", Map.of("schemas", schemas));
        return document;
    }

    /** The hex SHA-256 of a document's JSON: the same content always gives the same hash, in any JVM. */
    static String hash(Map<String, Object> document) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(Json.write(document)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }

    /** Kubernetes' naming: {@code io.k8s.api.core.v1.ConfigMap}, {@code io.k8s.api.apps.v1.Deployment}, {@code com.example.v1.Widget}. */
    static String schemaName(Resource resource, String kind) {
        String group = resource.group();
        String prefix;
        if (group.isEmpty()) {
            prefix = "io.k8s.api.core";
        } else if (!group.contains(".") || group.endsWith(".k8s.io")) {
            prefix = "io.k8s.api." + group.substring(0, group.contains(".") ? group.indexOf('.') : group.length());
        } else {
            List<String> labels = Arrays.asList(group.split("\\."));
            Collections.reverse(labels);
            prefix = String.join(".", labels);
        }
        return prefix + "." + resource.version() + "." + kind;
    }

    private static Map<String, Object> operation(String id, String action, Map<String, Object> gvk, String schema) {
        Map<String, Object> fieldValidation = new LinkedHashMap<>();
        fieldValidation.put("name", "fieldValidation");
        fieldValidation.put("in", "query");
        fieldValidation.put("description", "Strict, Warn or Ignore: how the server treats unknown or duplicate fields.");
        fieldValidation.put("schema", Map.of("type", "string"));
        Map<String, Object> reference = Map.of("$ref", "#/components/schemas/" + schema);
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", "OK");
        ok.put("content", Map.of("application/json", Map.of("schema", reference)));
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", id);
        operation.put("parameters", List.of(fieldValidation));
        operation.put("responses", Map.of(action.equals("post") ? "201" : "200", ok));
        operation.put("x-kubernetes-action", action);
        operation.put("x-kubernetes-group-version-kind", gvk);
        return operation;
    }

    private static Map<String, Object> permissiveSchema(Map<String, Object> gvk) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("apiVersion", Map.of("type", "string"));
        properties.put("kind", Map.of("type", "string"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("type", "object");
        metadata.put("x-kubernetes-preserve-unknown-fields", true);
        properties.put("metadata", metadata);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("x-kubernetes-group-version-kind", List.of(gvk));
        schema.put("x-kubernetes-preserve-unknown-fields", true);
        return schema;
    }
}
