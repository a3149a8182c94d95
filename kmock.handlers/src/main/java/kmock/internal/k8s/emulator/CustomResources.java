package kmock.internal.k8s.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.handlers.ResourceInfo;
import kmock.handlers.ResourcesArray;

/** A created {@code CustomResourceDefinition} makes its resources discoverable, version by version. */
final class CustomResources {

    private CustomResources() {
    }

    static void register(ResourcesArray catalog, Map<String, Object> crd) {
        if (!(crd.get("spec") instanceof Map<?, ?> spec) || !(spec.get("names") instanceof Map<?, ?> names)
                || !(spec.get("group") instanceof String group) || !(names.get("plural") instanceof String plural)) {
            return;
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
            catalog.put(group + "/" + name + "/" + plural, new ResourceInfo()
                    .kind((String) names.get("kind"))
                    .singular(names.get("singular") instanceof String s ? s : null)
                    .shortNames(strings(names.get("shortNames")))
                    .categories(strings(names.get("categories")))
                    .namespaced(!"Cluster".equals(spec.get("scope")))
                    .subresources(subresources));
        }
    }

    /** Whether a definition serves a resource: its group, plural and one of its versions. */
    static boolean defines(Map<String, Object> crd, kmock.api.Resource resource) {
        if (!(crd.get("spec") instanceof Map<?, ?> spec) || !(spec.get("names") instanceof Map<?, ?> names)
                || !resource.group().equals(spec.get("group")) || !resource.plural().equals(names.get("plural"))) {
            return false;
        }
        List<?> versions = spec.get("versions") instanceof List<?> list ? list : List.of();
        return versions.stream().anyMatch(v -> v instanceof Map<?, ?> version && resource.version().equals(version.get("name")));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
