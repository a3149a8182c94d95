package kmock.internal.k8s.discovery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.json.Json;
import kmock.internal.k8s.schema.BuiltinSchemas;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.ObjectSchema;

/**
 * OpenAPI v3 as kubectl reads it: an index of group-versions ({@code /openapi/v3}) and per group-version a document
 * ({@code /openapi/v3/apis/{g}/{v}}) where every resource's object path has a {@code patch} operation carrying its
 * group-version-kind and a {@code fieldValidation} query parameter (kubectl's test for server-side validation), and
 * every kind its schema: the built-in kinds' from the schema model, custom resources' from their definition, and a
 * permissive one for kinds nothing describes ({@code kubectl explain}, and the patch strategies of
 * {@code kubectl apply}). Pure functions of one catalog snapshot; the index's hashes change only with the documents.
 * Every map with more than one key is insertion-ordered, so that the JSON, and with it the hash, is the same in
 * every JVM.
 */
public final class OpenApi {

    private final Catalog catalog;
    private final Function<Resource, Map<String, Object>> definitions;

    /** Documents for a snapshot of these resources, with no custom resource definitions. */
    public OpenApi(Map<Resource, ResourceInfo> resources) {
        this(Catalog.of(resources), resource -> null);
    }

    /**
     * Documents for a snapshot of these resources.
     *
     * @param definitions the stored {@code CustomResourceDefinition} of a resource, or {@code null} for none
     */
    public OpenApi(Map<Resource, ResourceInfo> resources, Function<Resource, Map<String, Object>> definitions) {
        this(Catalog.of(resources), definitions);
    }

    /** Documents for a catalog snapshot, with no custom resource definitions. */
    public OpenApi(Catalog catalog) {
        this(catalog, resource -> null);
    }

    private OpenApi(Catalog catalog, Function<Resource, Map<String, Object>> definitions) {
        this.catalog = catalog;
        this.definitions = definitions;
    }

    /** {@code /openapi/v3}: each group-version's document path with a hash of its content, as kubectl caches by it. */
    public Map<String, Object> index() {
        Map<String, Object> paths = new LinkedHashMap<>();
        catalog.groupVersions().forEach((group, versions) -> {
            for (String version : versions) {
                String key = group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash(inputs(group, version)));
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
        OpenApiSchemas schemas = new OpenApiSchemas();
        for (Catalog.Entry entry : entries) {
            Resource resource = entry.resource();
            Map<String, Object> gvk = new LinkedHashMap<>();
            gvk.put("group", group);
            gvk.put("version", version);
            gvk.put("kind", entry.kind());
            String schema = schema(schemas, resource, entry.kind(), gvk);
            String scope = entry.namespaced() ? "Namespaced" : "";
            String prefix = resource.path()
                    .substring(0, resource.path().length() - resource.plural().length());
            String collection = prefix + (entry.namespaced() ? "namespaces/{namespace}/" : "") + resource.plural();
            paths.put(collection, Map.of("post", operation("create" + scope + entry.kind(), "post", gvk, schema)));
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("put", operation("replace" + scope + entry.kind(), "put", gvk, schema));
            object.put("patch", operation("patch" + scope + entry.kind(), "patch", gvk, schema));
            paths.put(collection + "/{name}", object);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Kubernetes");
        info.put("version", Discovery.RELEASE);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.0");
        document.put("info", info);
        document.put("paths", paths);
        document.put("components", Map.of("schemas", schemas.components()));
        return document;
    }

    /**
     * Everything a group-version's document is made of: its resources as served, and for each the source of its
     * schema (a definition's {@code openAPIV3Schema}, the built-in schemas of this release, or none). Hashing these
     * instead of the rendered document keeps the index cheap; equal inputs give an equal document.
     */
    private List<Object> inputs(String group, String version) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(Discovery.RELEASE);
        for (Catalog.Entry entry : catalog.entries(group, version)) {
            Map<String, Object> definition = definitions.apply(entry.resource());
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("entry", List.of(entry.resource().plural(), entry.kind(), entry.namespaced(), entry.verbs()));
            input.put(
                    "schema",
                    definition != null
                            ? String.valueOf(openApiV3Schema(definition, version))
                            : BuiltinSchemas.get().kind(new GroupVersionKind(group, version, entry.kind())) != null
                                    ? "built-in"
                                    : "none");
            inputs.add(input);
        }
        return inputs;
    }

    /** The hex SHA-256 of a value's JSON: the same content always gives the same hash, in any JVM. */
    static String hash(Object document) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Json.write(document)));
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
        fieldValidation.put(
                "description", "Strict, Warn or Ignore: how the server treats unknown or duplicate fields.");
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

    /**
     * Writes the schema of a kind: from its custom resource definition, else from the built-in schemas, else
     * permissive; returns its name.
     */
    private String schema(OpenApiSchemas schemas, Resource resource, String kind, Map<String, Object> gvk) {
        Map<String, Object> definition = definitions.apply(resource);
        Map<?, ?> custom = definition == null ? null : openApiV3Schema(definition, resource.version());
        if (custom != null) {
            return schemas.custom(schemaName(resource, kind), custom, gvk);
        }
        ObjectSchema builtIn =
                BuiltinSchemas.get().kind(new GroupVersionKind(resource.group(), resource.version(), kind));
        if (builtIn != null && definition == null) {
            return schemas.builtIn(builtIn, gvk);
        }
        return schemas.permissive(schemaName(resource, kind), gvk);
    }

    /** The {@code openAPIV3Schema} of one version of a definition, or {@code null} when it declares none. */
    private static Map<?, ?> openApiV3Schema(Map<String, Object> definition, String version) {
        if (definition.get("spec") instanceof Map<?, ?> spec && spec.get("versions") instanceof List<?> versions) {
            for (Object entry : versions) {
                if (entry instanceof Map<?, ?> map
                        && version.equals(map.get("name"))
                        && map.get("schema") instanceof Map<?, ?> schema
                        && schema.get("openAPIV3Schema") instanceof Map<?, ?> openApi) {
                    return openApi;
                }
            }
        }
        return null;
    }
}
