package kmock.internal.k8s.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;

/**
 * The discovery documents of a set of resources, as kube-apiserver shapes them: {@code /version}, {@code /api},
 * {@code /apis}, {@code /apis/{group}} and the {@code APIResourceList}s. Pure functions of their inputs.
 */
public final class Discovery {

    private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d*))?");

    private final Map<Resource, ResourceInfo> resources;

    /** Documents for these resources. */
    public Discovery(Map<Resource, ResourceInfo> resources) {
        this.resources = resources;
    }

    /** {@code /version}: exactly the fields client-java's strict model knows. */
    public static Map<String, Object> version() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("major", "1");
        version.put("minor", "32");
        version.put("gitVersion", "v1.32.0-kmock");
        version.put("gitCommit", "0000000000000000000000000000000000000000");
        version.put("gitTreeState", "clean");
        version.put("buildDate", "2026-01-01T00:00:00Z");
        version.put("goVersion", "go1.23.0");
        version.put("compiler", "gc");
        version.put("platform", "linux/amd64");
        return version;
    }

    /** {@code /}: the served paths, sorted. */
    public Map<String, Object> paths(List<String> extra) {
        TreeSet<String> paths = new TreeSet<>(List.of("/api", "/apis", "/version"));
        paths.addAll(extra);
        groupVersions().forEach((group, versions) -> {
            if (group.isEmpty()) {
                versions.forEach(v -> paths.add("/api/" + v));
            } else {
                paths.add("/apis/" + group);
                versions.forEach(v -> paths.add("/apis/" + group + "/" + v));
            }
        });
        return Map.of("paths", new ArrayList<>(paths));
    }

    /** {@code /api}: the core versions. */
    public Map<String, Object> apiVersions(String serverAddress) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "APIVersions");
        document.put("versions", new ArrayList<>(groupVersions().getOrDefault("", List.of("v1"))));
        document.put("serverAddressByClientCIDRs", List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", serverAddress)));
        return document;
    }

    /** {@code /apis}: every named group with its versions, the preferred one first. */
    public Map<String, Object> groupList() {
        List<Object> groups = new ArrayList<>();
        groupVersions().forEach((group, versions) -> {
            if (!group.isEmpty()) {
                groups.add(group(group, versions));
            }
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "APIGroupList");
        document.put("apiVersion", "v1");
        document.put("groups", groups);
        return document;
    }

    /** {@code /apis/{group}}, or {@code null} for an unknown group. */
    public Map<String, Object> group(String group) {
        List<String> versions = groupVersions().get(group);
        if (versions == null || group.isEmpty()) {
            return null;
        }
        Map<String, Object> document = new LinkedHashMap<>(Map.of("kind", "APIGroup", "apiVersion", "v1"));
        document.putAll(group(group, versions));
        return document;
    }

    private static Map<String, Object> group(String group, List<String> versions) {
        List<Object> entries = versions.stream().map(v -> (Object) Map.of("groupVersion", group + "/" + v, "version", v)).toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", group);
        document.put("versions", entries);
        document.put("preferredVersion", entries.get(0));
        return document;
    }

    /** {@code /api/v1} or {@code /apis/{group}/{version}}, or {@code null} when nothing is served there. */
    public Map<String, Object> resourceList(String group, String version) {
        List<Object> entries = new ArrayList<>();
        resources.entrySet().stream()
                .filter(e -> e.getKey().group().equals(group) && e.getKey().version().equals(version))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Resource::plural)))
                .forEach(e -> entries.addAll(entries(e.getKey().plural(), e.getValue())));
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "APIResourceList");
        document.put("apiVersion", "v1");
        document.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        document.put("resources", entries);
        return document;
    }

    private static List<Object> entries(String plural, ResourceInfo info) {
        List<Object> entries = new ArrayList<>();
        Map<String, Object> main = new LinkedHashMap<>();
        main.put("name", plural);
        main.put("singularName", info.singularFor(plural));
        main.put("namespaced", info.namespaced());
        main.put("kind", info.kindFor(plural));
        main.put("verbs", info.verbs().isEmpty() ? ResourceInfo.ALL_VERBS : info.verbs());
        if (!info.shortNames().isEmpty()) {
            main.put("shortNames", info.shortNames());
        }
        if (!info.categories().isEmpty()) {
            main.put("categories", info.categories());
        }
        entries.add(main);
        for (String sub : info.subresources()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", plural + "/" + sub);
            entry.put("singularName", "");
            entry.put("namespaced", info.namespaced());
            if (sub.equals("scale")) {
                entry.put("group", "autoscaling");
                entry.put("version", "v1");
                entry.put("kind", "Scale");
            } else {
                entry.put("kind", info.kindFor(plural));
            }
            entry.put("verbs", List.of("get", "patch", "update"));
            entries.add(entry);
        }
        return entries;
    }

    /** Group to versions, each list sorted by Kubernetes version priority (stable, then beta, then alpha; newer first). */
    public Map<String, List<String>> groupVersions() {
        Map<String, TreeSet<String>> found = new TreeMap<>();
        resources.keySet().forEach(r -> found.computeIfAbsent(r.group(), g -> new TreeSet<>(Discovery::byPriority)).add(r.version()));
        Map<String, List<String>> sorted = new TreeMap<>();
        found.forEach((group, versions) -> sorted.put(group, new ArrayList<>(versions)));
        return sorted;
    }

    /** Kubernetes version priority: GA before beta before alpha, higher numbers first. */
    static int byPriority(String a, String b) {
        Function<String, long[]> rank = v -> {
            Matcher m = VERSION.matcher(v);
            if (!m.matches()) {
                return new long[] {-1, 0, 0};
            }
            long stability = m.group(2) == null ? 2 : m.group(2).equals("beta") ? 1 : 0;
            long minor = m.group(3) == null || m.group(3).isEmpty() ? 0 : Long.parseLong(m.group(3));
            return new long[] {stability, Long.parseLong(m.group(1)), minor};
        };
        long[] x = rank.apply(a);
        long[] y = rank.apply(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) {
                return Long.compare(y[i], x[i]);
            }
        }
        return a.compareTo(b);
    }
}
