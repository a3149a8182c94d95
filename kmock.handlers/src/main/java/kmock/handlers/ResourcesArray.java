package kmock.handlers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import kmock.api.Resource;
import kmock.internal.json.Json;

/**
 * The live catalog of resources a Kubernetes handler serves in discovery, keyed by complete {@link Resource}s.
 * A spec is a string in any notation ({@code "v1/pods"}, {@code "kopfexamples.v1.kopf.dev"}) or a
 * {@code Resource}. Thread-safe.
 *
 * @since 0.1
 */
public final class ResourcesArray {

    private static final String BUNDLED = "/kmock/internal/k8s/discovery/bundled-resources.json.gz";

    private final Map<Resource, ResourceInfo> resources = new ConcurrentHashMap<>();
    private final AtomicLong revision = new AtomicLong();

    ResourcesArray() {
    }

    /** A complete resource from a spec. @throws IllegalArgumentException naming the missing part */
    static Resource resourceOf(Object spec) {
        Resource resource = spec instanceof Resource r ? r : spec instanceof String text ? Resource.parse(text) : null;
        if (resource == null) {
            throw new IllegalArgumentException("A resource spec is a String such as \"v1/pods\" or a Resource, got " + spec);
        }
        if (!resource.isComplete()) {
            String missing = resource.group() == null ? "group" : resource.version() == null ? "version" : "plural";
            throw new IllegalArgumentException("The resource " + spec + " has no " + missing + ": name it completely, "
                    + "e.g. \"apps/v1/deployments\" or \"kopfexamples.v1.kopf.dev\"");
        }
        return resource;
    }

    /** Declares a resource with a description or a map of its fields. */
    @SuppressWarnings("unchecked")
    public ResourceInfo put(Object spec, Object info) {
        ResourceInfo value = info instanceof ResourceInfo given ? given
                : info instanceof Map<?, ?> map ? ResourceInfo.of((Map<String, ?>) map) : null;
        if (value == null) {
            throw new IllegalArgumentException("A resource description is a ResourceInfo or a Map, got " + info);
        }
        resources.put(resourceOf(spec), value);
        revision.incrementAndGet();
        return value;
    }

    /** The description of a resource, created empty (and declared) on first access. */
    public ResourceInfo get(Object spec) {
        return resources.computeIfAbsent(resourceOf(spec), r -> {
            revision.incrementAndGet();
            return new ResourceInfo();
        });
    }

    /** The description of a resource, or {@code null} when it is not declared; nothing is created. */
    public ResourceInfo find(Object spec) {
        return resources.get(resourceOf(spec));
    }

    /** Forgets a resource. */
    public ResourceInfo remove(Object spec) {
        ResourceInfo removed = resources.remove(resourceOf(spec));
        revision.incrementAndGet();
        return removed;
    }

    /** Whether a resource is declared. */
    public boolean contains(Object spec) {
        return resources.containsKey(resourceOf(spec));
    }

    /** Every declared resource. */
    public Set<Resource> keys() {
        return Set.copyOf(resources.keySet());
    }

    /** How many resources are declared. */
    public int size() {
        return resources.size();
    }

    /** A counter that changes with every change of the catalog, for caches of rendered documents. */
    public long revision() {
        return revision.get();
    }

    /** Loads discovery documents from a file (JSON, gzip-compressed or not) as {@code fetch resources} writes them. */
    public ResourcesArray loadPath(Path path) {
        try {
            return load(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resources from " + path + ": " + e.getMessage(), e);
        }
    }

    /** Loads discovery documents from JSON text. */
    public ResourcesArray loadData(String json) {
        return loadData(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Loads discovery documents from JSON bytes (gzip-compressed or not). */
    public ResourcesArray loadData(byte[] data) {
        return load(data, "the given data");
    }

    /** Loads the built-in resources of a recent Kubernetes: core, apps, batch, autoscaling, policy and {@code *.k8s.io}. */
    public ResourcesArray loadBundled() {
        try (InputStream in = ResourcesArray.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("The bundled resources are missing from the kmock-handlers jar: " + BUNDLED);
            }
            return load(in.readAllBytes(), "the bundled resources");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResourcesArray load(byte[] bytes, String source) {
        Object parsed;
        try {
            parsed = Json.parse(gunzip(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read resources from " + source + ": " + e.getMessage(), e);
        }
        List<?> documents = parsed instanceof List<?> list ? list
                : parsed instanceof Map<?, ?> map && map.get("items") instanceof List<?> items ? items
                : parsed instanceof Map<?, ?> single ? List.of(single) : null;
        if (documents == null) {
            throw new IllegalArgumentException("Resources from " + source + " must be a list of APIResourceList documents");
        }
        for (Object document : documents) {
            loadDocument(document, source);
        }
        return this;
    }

    private void loadDocument(Object document, String source) {
        if (!(document instanceof Map<?, ?> map) || !(map.get("groupVersion") instanceof String groupVersion)
                || !(map.get("resources") instanceof List<?> entries)) {
            throw new IllegalArgumentException("Not an APIResourceList in " + source + ": " + brief(document));
        }
        int slash = groupVersion.indexOf('/');
        String group = slash < 0 ? "" : groupVersion.substring(0, slash);
        String version = groupVersion.substring(slash + 1);
        Map<String, List<String>> subresources = new LinkedHashMap<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> fields && fields.get("name") instanceof String name && name.contains("/")) {
                subresources.computeIfAbsent(name.substring(0, name.indexOf('/')), n -> new ArrayList<>())
                        .add(name.substring(name.indexOf('/') + 1));
            }
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields) || !(fields.get("name") instanceof String name)) {
                throw new IllegalArgumentException("A resource without a name in " + groupVersion + " of " + source);
            }
            if (name.contains("/")) {
                continue;
            }
            ResourceInfo info = new ResourceInfo()
                    .kind((String) fields.get("kind"))
                    .singular(fields.get("singularName") instanceof String s && !s.isEmpty() ? s : null)
                    .namespaced(Boolean.TRUE.equals(fields.get("namespaced")))
                    .shortNames(strings(fields.get("shortNames")))
                    .categories(strings(fields.get("categories")))
                    .verbs(strings(fields.get("verbs")))
                    .subresources(subresources.getOrDefault(name, List.of()));
            resources.put(new Resource(group, version, name), info);
        }
        revision.incrementAndGet();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            }
        }
        return bytes;
    }

    private static String brief(Object value) {
        String text = String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    @Override
    public String toString() {
        return "ResourcesArray" + keys();
    }
}
