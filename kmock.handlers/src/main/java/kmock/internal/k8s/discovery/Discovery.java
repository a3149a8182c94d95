package kmock.internal.k8s.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;

/**
 * The discovery documents of one catalog snapshot, shaped and ordered as kube-apiserver writes them:
 * {@code /}, {@code /version}, {@code /api}, {@code /apis}, {@code /apis/{group}}, and the {@code APIResourceList}s
 * of {@code /api/v1} and {@code /apis/{group}/{version}}. Pure functions: a {@code null} result means "not served
 * here" (a 404 {@code Status}, worded by {@link Hints}).
 */
public final class Discovery {

    /** The Kubernetes release that {@code /version} and the OpenAPI documents claim. */
    static final String MAJOR = "1";

    static final String MINOR = "32";
    static final String RELEASE = "v" + MAJOR + "." + MINOR + ".0";

    private final Catalog catalog;

    /** Documents for a snapshot of these resources. */
    public Discovery(Map<Resource, ResourceInfo> resources) {
        this(Catalog.of(resources));
    }

    /** Documents for a catalog snapshot. */
    public Discovery(Catalog catalog) {
        this.catalog = catalog;
    }

    /** {@code /version}: exactly the nine fields of {@code version.Info}, since client-java rejects unknown ones. */
    public static Map<String, Object> version() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("major", MAJOR);
        version.put("minor", MINOR);
        version.put("gitVersion", RELEASE + "-kmock");
        version.put("gitCommit", "0000000000000000000000000000000000000000");
        version.put("gitTreeState", "clean");
        version.put("buildDate", "2024-12-11T00:00:00Z");
        version.put("goVersion", "go1.23.3");
        version.put("compiler", "gc");
        version.put("platform", "linux/amd64");
        return version;
    }

    /** {@code /}: {@code /api}, {@code /apis}, {@code /version}, every served group and group-version, and the extra literal paths, sorted. */
    public Map<String, Object> paths(Collection<String> extra) {
        TreeSet<String> paths = new TreeSet<>(List.of("/api", "/apis", "/version"));
        paths.addAll(extra);
        catalog.groupVersions().forEach((group, versions) -> {
            if (group.isEmpty()) {
                versions.forEach(version -> paths.add("/api/" + version));
            } else {
                paths.add("/apis/" + group);
                versions.forEach(version -> paths.add("/apis/" + group + "/" + version));
            }
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("paths", new ArrayList<>(paths));
        return document;
    }

    /** {@code /api}: {@code APIVersions} of the core group ({@code v1} when none is declared) and the server's address. */
    public Map<String, Object> apiVersions(String serverAddress) {
        List<String> versions = catalog.versions("");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("clientCIDR", "0.0.0.0/0");
        address.put("serverAddress", serverAddress);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "APIVersions");
        document.put("versions", versions.isEmpty() ? List.of("v1") : versions);
        document.put("serverAddressByClientCIDRs", List.of(address));
        return document;
    }

    /** {@code /apis}: {@code APIGroupList} of every named group, each with its versions and preferred version. */
    public Map<String, Object> groupList() {
        List<Object> groups = new ArrayList<>();
        catalog.groupVersions().forEach((group, versions) -> {
            if (!group.isEmpty()) {
                groups.add(describeGroup(group, versions));
            }
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "APIGroupList");
        document.put("apiVersion", "v1");
        document.put("groups", groups);
        return document;
    }

    /** {@code /apis/{group}}: the {@code APIGroup}, or {@code null} for a group with no resources. */
    public Map<String, Object> group(String group) {
        List<String> versions = catalog.versions(group);
        if (group.isEmpty() || versions.isEmpty()) {
            return null;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "APIGroup");
        document.put("apiVersion", "v1");
        document.putAll(describeGroup(group, versions));
        return document;
    }

    /**
     * {@code /api/{version}} (group {@code ""}) or {@code /apis/{group}/{version}}: the {@code APIResourceList} with
     * one entry per resource followed by one per subresource, or {@code null} when nothing is served there.
     */
    public Map<String, Object> resourceList(String group, String version) {
        List<Catalog.Entry> entries = catalog.entries(group, version);
        if (entries.isEmpty()) {
            return null;
        }
        List<Object> resources = new ArrayList<>();
        for (Catalog.Entry entry : entries) {
            resources.add(describeResource(entry));
            entry.subresources().forEach(name -> resources.add(Subresources.entry(entry, name)));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "APIResourceList");
        document.put("apiVersion", "v1");
        document.put("groupVersion", entries.get(0).resource().apiVersion());
        document.put("resources", resources);
        return document;
    }

    private static Map<String, Object> describeGroup(String group, List<String> versions) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String version : versions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("groupVersion", group + "/" + version);
            entry.put("version", version);
            entries.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", group);
        document.put("versions", entries);
        document.put("preferredVersion", new LinkedHashMap<>(entries.get(0)));
        return document;
    }

    /** As kube-apiserver writes an {@code APIResource}: empty short names and categories are left out. */
    private static Map<String, Object> describeResource(Catalog.Entry entry) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", entry.resource().plural());
        resource.put("singularName", entry.singular());
        resource.put("namespaced", entry.namespaced());
        resource.put("kind", entry.kind());
        resource.put("verbs", entry.verbs());
        if (!entry.shortNames().isEmpty()) {
            resource.put("shortNames", entry.shortNames());
        }
        if (!entry.categories().isEmpty()) {
            resource.put("categories", entry.categories());
        }
        return resource;
    }
}
