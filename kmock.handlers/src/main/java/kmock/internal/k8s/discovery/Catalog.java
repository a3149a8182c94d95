package kmock.internal.k8s.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;

/**
 * An immutable snapshot of the resources a handler serves, with the defaults of unset fields applied, in the order
 * discovery lists them: the core group first, then groups alphabetically; versions by Kubernetes priority (the
 * preferred one first); resources alphabetically. Every document renderer is a pure function of one snapshot, so
 * a scaffold may cache documents for as long as its catalog's revision stays the same.
 */
public final class Catalog {

    /**
     * One resource as served.
     *
     * @param resource     the complete resource
     * @param kind         the kind, defaulted to the capitalised plural
     * @param singular     the singular name, defaulted to the plural
     * @param namespaced   whether objects live in namespaces
     * @param verbs        the verbs, defaulted to {@link ResourceInfo#ALL_VERBS}
     * @param shortNames   the short names, maybe empty
     * @param categories   the categories, maybe empty
     * @param subresources the subresource names, maybe empty
     */
    public record Entry(
            Resource resource,
            String kind,
            String singular,
            boolean namespaced,
            List<String> verbs,
            List<String> shortNames,
            List<String> categories,
            List<String> subresources) {}

    private final Map<String, Map<String, List<Entry>>> groups;

    private Catalog(Map<String, Map<String, List<Entry>>> groups) {
        this.groups = groups;
    }

    /** A snapshot of these descriptions, each read atomically. @throws IllegalArgumentException for an incomplete resource */
    public static Catalog of(Map<Resource, ResourceInfo> resources) {
        return of(resources, List.of());
    }

    /**
     * A snapshot of these descriptions plus extra resources known otherwise (named by rules, or holding stored
     * objects), which get the default description unless declared.
     */
    public static Catalog of(Map<Resource, ResourceInfo> resources, Collection<Resource> extra) {
        Map<String, Map<String, Map<String, Entry>>> sorted = new TreeMap<>();
        resources.forEach((resource, info) -> add(sorted, resource, info.copy()));
        for (Resource resource : extra) {
            if (!resources.containsKey(resource)) {
                add(sorted, resource, new ResourceInfo());
            }
        }
        Map<String, Map<String, List<Entry>>> groups = new LinkedHashMap<>();
        sorted.forEach((group, versions) -> {
            Map<String, List<Entry>> byVersion = new LinkedHashMap<>();
            versions.forEach((version, entries) -> byVersion.put(version, List.copyOf(entries.values())));
            groups.put(group, byVersion);
        });
        return new Catalog(groups);
    }

    private static void add(Map<String, Map<String, Map<String, Entry>>> sorted, Resource resource, ResourceInfo info) {
        if (resource == null || !resource.isComplete()) {
            throw new IllegalArgumentException(
                    "Discovery needs complete resources (group, version, plural), got " + resource);
        }
        String plural = resource.plural();
        Entry entry = new Entry(
                resource,
                info.kindFor(plural),
                info.singularFor(plural),
                info.namespaced(),
                info.verbs().isEmpty() ? ResourceInfo.ALL_VERBS : info.verbs(),
                info.shortNames(),
                info.categories(),
                info.subresources());
        sorted.computeIfAbsent(resource.group(), g -> new TreeMap<>(VersionPriority.HIGHEST_FIRST))
                .computeIfAbsent(resource.version(), v -> new TreeMap<>())
                .put(plural, entry);
    }

    /** Each group ({@code ""} for the core group, first) with its versions, the preferred one first. */
    public Map<String, List<String>> groupVersions() {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        groups.forEach((group, byVersion) -> versions.put(group, List.copyOf(byVersion.keySet())));
        return versions;
    }

    /** The versions of a group, the preferred one first; empty for an unknown group. */
    public List<String> versions(String group) {
        Map<String, List<Entry>> byVersion = groups.get(group);
        return byVersion == null ? List.of() : List.copyOf(byVersion.keySet());
    }

    /** The resources of a group-version, alphabetically; empty when none is served there. */
    public List<Entry> entries(String group, String version) {
        return groups.getOrDefault(group, Map.of()).getOrDefault(version, List.of());
    }

    /** Every resource, in discovery order. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        groups.values().forEach(byVersion -> byVersion.values().forEach(all::addAll));
        return all;
    }
}
