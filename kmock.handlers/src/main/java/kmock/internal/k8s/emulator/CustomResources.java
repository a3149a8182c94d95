package kmock.internal.k8s.emulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.handlers.ResourcesArray;

/**
 * A written {@code CustomResourceDefinition} makes its resources discoverable, version by version, and a deleted
 * one takes them away again.
 */
public final class CustomResources {

    private CustomResources() {}

    /** Whether an object is a {@code CustomResourceDefinition}. */
    public static boolean isDefinition(Map<String, ?> object) {
        return "CustomResourceDefinition".equals(object.get("kind"))
                && object.get("apiVersion") instanceof String version
                && version.startsWith("apiextensions.k8s.io/");
    }

    /** Declares in the catalog the resources that a definition defines. */
    public static void register(ResourcesArray catalog, Map<String, Object> crd) {
        defined(crd).forEach(catalog::put);
    }

    /** The resources a definition defines, one per version, in order; none when it is incomplete. */
    public static Map<Resource, ResourceInfo> defined(Map<String, ?> crd) {
        Map<Resource, ResourceInfo> defined = new LinkedHashMap<>();
        if (!(crd.get("spec") instanceof Map<?, ?> spec)
                || !(spec.get("names") instanceof Map<?, ?> names)
                || !(spec.get("group") instanceof String group)
                || !(names.get("plural") instanceof String plural)) {
            return defined;
        }
        List<?> versions = spec.get("versions") instanceof List<?> list ? list : List.of();
        for (Object entry : versions) {
            if (!(entry instanceof Map<?, ?> version) || !(version.get("name") instanceof String name)) {
                continue;
            }
            List<String> subresources = new ArrayList<>();
            if (version.get("subresources") instanceof Map<?, ?> subs) {
                subs.keySet().forEach(k -> subresources.add(String.valueOf(k)));
            }
            defined.put(
                    new Resource(group, name, plural),
                    new ResourceInfo()
                            .kind((String) names.get("kind"))
                            .singular(names.get("singular") instanceof String s ? s : null)
                            .shortNames(strings(names.get("shortNames")))
                            .categories(strings(names.get("categories")))
                            .namespaced(!"Cluster".equals(spec.get("scope")))
                            .subresources(subresources));
        }
        return defined;
    }

    /** The resources (one per version) that a CustomResourceDefinition defines. */
    static List<Resource> resources(Map<String, Object> crd) {
        return List.copyOf(defined(crd).keySet());
    }

    /** Whether a definition serves a resource: its group, plural and one of its versions. */
    static boolean defines(Map<String, Object> crd, Resource resource) {
        return resources(crd).contains(resource);
    }

    /** Forgets the resources of a CustomResourceDefinition that is gone. */
    static void unregister(ResourcesArray catalog, Map<String, Object> crd) {
        for (Resource resource : resources(crd)) {
            catalog.remove(resource.group() + "/" + resource.version() + "/" + resource.plural());
        }
    }

    /** Adds the {@code Terminating} condition that the API server sets on a CustomResourceDefinition being deleted. */
    @SuppressWarnings("unchecked")
    static void terminating(Map<String, Object> crd) {
        Map<String, Object> status = crd.get("status") instanceof Map<?, ?> s
                ? new LinkedHashMap<>((Map<String, Object>) s)
                : new LinkedHashMap<>();
        List<Object> conditions =
                status.get("conditions") instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        conditions.removeIf(c -> c instanceof Map<?, ?> m && "Terminating".equals(m.get("type")));
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", "Terminating");
        condition.put("status", "True");
        condition.put(
                "lastTransitionTime",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        condition.put("reason", "InstanceDeletionPending");
        condition.put(
                "message", "CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon");
        conditions.add(condition);
        status.put("conditions", conditions);
        crd.put("status", status);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }
}
