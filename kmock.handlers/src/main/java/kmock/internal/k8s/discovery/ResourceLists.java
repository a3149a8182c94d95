package kmock.internal.k8s.discovery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.json.Json;
import kmock.internal.k8s.requests.ResourceNotation;

/**
 * Reads discovery dumps into resource descriptions: a JSON array of {@code APIResourceList} documents (what
 * {@code kmock fetch resources} writes), a single {@code APIResourceList}, or a {@code {"kind": "List", "items":
 * [...]}} of them; gzip-compressed or not. Subresource entries ({@code "name": "deployments/scale"}) become the
 * parent's {@link ResourceInfo#subresources()}. Reading is all or nothing: malformed input fails with an
 * {@link IllegalArgumentException} that names the source, the document and what was wrong.
 */
public final class ResourceLists {

    /** The resource name of the bundled catalog, beside this class (see {@code package-info.java} for its origin). */
    static final String BUNDLED = "bundled-resources.json.gz";

    /** Decompressed input beyond this is refused rather than read into memory; real clusters' dumps are ~100 KiB. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private ResourceLists() {}

    /** The built-in resources of a recent Kubernetes, as shipped in the jar. */
    public static Map<Resource, ResourceInfo> bundled() {
        try (InputStream in = ResourceLists.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("The bundled resources are missing from the kmock-handlers jar: "
                        + ResourceLists.class.getPackageName().replace('.', '/') + "/" + BUNDLED);
            }
            return read(in.readAllBytes(), "the bundled resources");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled resources: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a file: gzip-compressed when its name ends in {@code .gz} or its content starts with the gzip magic bytes.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when its content is malformed
     */
    public static Map<Resource, ResourceInfo> read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resources from " + path + ": " + e, e);
        }
        String source = path.toString();
        if (source.endsWith(".gz") && !isGzip(bytes)) {
            throw new IllegalArgumentException("Cannot read resources from " + source
                    + ": the name ends in .gz but the content is not gzip-compressed");
        }
        return read(bytes, source);
    }

    /** Reads JSON bytes, gzip-compressed or not. @throws IllegalArgumentException naming the source when malformed */
    public static Map<Resource, ResourceInfo> read(byte[] data, String source) {
        byte[] json = isGzip(data) ? gunzip(data, source) : data;
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read resources from " + source + ": " + e.getMessage(), e);
        }
        List<?> documents = documents(parsed, source);
        Map<Resource, ResourceInfo> resources = new LinkedHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            readDocument(documents.get(i), source + ", document " + (i + 1), resources);
        }
        return resources;
    }

    private static List<?> documents(Object parsed, String source) {
        if (parsed instanceof List<?> list) {
            return list;
        }
        if (parsed instanceof Map<?, ?> map && "List".equals(map.get("kind"))) {
            if (map.get("items") instanceof List<?> items) {
                return items;
            }
            throw new IllegalArgumentException(
                    "Cannot read resources from " + source + ": a List without an 'items' array");
        }
        if (parsed instanceof Map<?, ?> single) {
            return List.of(single);
        }
        throw new IllegalArgumentException("Cannot read resources from " + source + ": expected a JSON array of "
                + "APIResourceList documents, one APIResourceList, or a List of them; got " + brief(parsed));
    }

    private static void readDocument(Object document, String where, Map<Resource, ResourceInfo> into) {
        if (!(document instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException(where + ": expected an APIResourceList object, got " + brief(document));
        }
        Object kind = fields.get("kind");
        if (kind != null && !"APIResourceList".equals(kind)) {
            throw new IllegalArgumentException(where + ": kind is " + brief(kind) + ", expected APIResourceList");
        }
        if (!(fields.get("groupVersion") instanceof String groupVersion)) {
            throw new IllegalArgumentException(where + ": 'groupVersion' is missing or not a string");
        }
        if (!(fields.get("resources") instanceof List<?> entries)) {
            throw new IllegalArgumentException(
                    where + " (" + groupVersion + "): 'resources' is missing or not an array");
        }
        String here = where + " (" + groupVersion + ")";
        Map<String, ResourceInfo> parents = new LinkedHashMap<>();
        Map<String, List<String>> subresources = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry) || !(entry.get("name") instanceof String name)) {
                throw new IllegalArgumentException(
                        here + ", resource " + (i + 1) + ": 'name' is missing or not a string");
            }
            int slash = name.indexOf('/');
            if (slash > 0 && slash < name.length() - 1) {
                subresources
                        .computeIfAbsent(name.substring(0, slash), p -> new ArrayList<>())
                        .add(name.substring(slash + 1));
            } else {
                parents.put(name, describe(entry, here + ", resource " + name));
            }
        }
        subresources.forEach((parent, names) -> {
            ResourceInfo info = parents.get(parent);
            if (info == null) {
                throw new IllegalArgumentException(here + ": subresource " + parent + "/" + names.get(0)
                        + " has no resource " + parent + " in the same list");
            }
            info.subresources(names);
        });
        parents.forEach((plural, info) -> into.put(resource(groupVersion, plural, here), info));
    }

    private static ResourceInfo describe(Map<?, ?> entry, String where) {
        ResourceInfo info = new ResourceInfo();
        info.kind(text(entry, "kind", where));
        String singular = text(entry, "singularName", where);
        info.singular(singular == null || singular.isEmpty() ? null : singular);
        Object namespaced = entry.get("namespaced");
        if (namespaced != null && !(namespaced instanceof Boolean)) {
            throw new IllegalArgumentException(
                    where + ": 'namespaced' must be true or false, got " + brief(namespaced));
        }
        // A missing flag reads as Go's zero value, as kubectl would read it.
        info.namespaced(Boolean.TRUE.equals(namespaced));
        info.verbs(strings(entry, "verbs", where));
        info.shortNames(strings(entry, "shortNames", where));
        info.categories(strings(entry, "categories", where));
        return info;
    }

    private static Resource resource(String groupVersion, String plural, String where) {
        Resource resource = ResourceNotation.tryParse(groupVersion + "/" + plural, false);
        if (resource == null) {
            boolean goodVersion = ResourceNotation.tryParse(groupVersion + "/widgets", false) != null;
            throw new IllegalArgumentException(where + ": "
                    + (goodVersion
                            ? "'" + plural + "' is not a resource name (lowercase letters, digits and dashes)"
                            : "'groupVersion' " + brief(groupVersion)
                                    + " is not a group/version such as \"v1\" or \"apps/v1\""));
        }
        return resource;
    }

    private static String text(Map<?, ?> entry, String key, String where) {
        Object value = entry.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a string, got " + brief(value));
        }
        return (String) value;
    }

    private static List<String> strings(Map<?, ?> entry, String key, String where) {
        Object value = entry.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(
                    where + ": '" + key + "' must be an array of strings, got " + brief(value));
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] bytes, String source) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 8);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + n > MAX_BYTES) {
                    throw new IllegalArgumentException("Cannot read resources from " + source + ": more than "
                            + MAX_BYTES / (1024 * 1024) + " MiB once decompressed");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Cannot read resources from " + source + ": broken gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static String brief(Object value) {
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        String type = value == null
                ? ""
                : value instanceof Map
                        ? " (an object)"
                        : value instanceof List
                                ? " (an array)"
                                : value instanceof String
                                        ? ""
                                        : " (" + value.getClass().getSimpleName() + ")";
        return (text.length() > 80 ? text.substring(0, 80) + "…" : text) + type;
    }
}
