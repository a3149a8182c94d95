package kmock.internal.k8s.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;

/**
 * The texts that tell a user how to declare what a Kubernetes handler did not know, in one place so that Status
 * messages, exceptions and documentation say the same thing. Each names what was missing and the call that adds it.
 */
public final class Hints {

    private static final String BUNDLED = "kmock.resources().loadBundled()";

    private Hints() {}

    /**
     * For a request to a resource that is not in the catalog: load the bundled catalog first when it has the
     * resource, else declare it.
     */
    public static String unknownResource(Resource resource) {
        if (BundledKinds.find(resource) != null) {
            return "resource " + spec(resource) + " is not known: load the bundled catalog with " + BUNDLED
                    + ", or declare it with " + declaration(resource);
        }
        return "resource " + spec(resource) + " is not known: declare it with " + declaration(resource) + " or "
                + BUNDLED;
    }

    /** For {@code /apis/{group}} of a group that has no resources. */
    public static String unknownGroup(String group) {
        return "API group " + group + " is not served: declare a resource in it with "
                + declaration(new Resource(group, "v1", "widgets")) + " or " + BUNDLED;
    }

    /** For {@code /api/{version}}, {@code /apis/{group}/{version}} or their OpenAPI documents when nothing is served there. */
    public static String unknownGroupVersion(String group, String version) {
        Resource example = new Resource(group, version, "widgets");
        return "API version " + example.apiVersion() + " is not served: declare a resource in it with "
                + declaration(example) + " or " + BUNDLED;
    }

    /** For a request that no rule and no built-in route serves. */
    public static String unmatched(String method, String path) {
        return "nothing serves " + method + " " + path + ": declare it with kmock.on(\""
                + method.toLowerCase(Locale.ROOT) + " " + path + "\").reply(…)";
    }

    /** For a resource spec that is neither a string nor a {@link Resource}. */
    public static String notASpec(Object spec) {
        return "A resource spec is a String such as \"v1/pods\" or \"apps/v1/deployments\", or a kmock.api.Resource; got "
                + (spec == null ? "null" : spec + " (" + spec.getClass().getSimpleName() + ")");
    }

    /** For a resource spec that leaves out the group, the version or the plural, where a catalog needs all three. */
    public static String incompleteSpec(Object spec, Resource parsed) {
        List<String> missing = new ArrayList<>();
        if (parsed.group() == null) {
            missing.add("group");
        }
        if (parsed.version() == null) {
            missing.add("version");
        }
        if (parsed.plural() == null) {
            missing.add("plural");
        }
        String plural = parsed.plural() == null ? "widgets" : parsed.plural();
        String version = parsed.version() == null ? "v1" : parsed.version();
        String examples = parsed.group() == null
                ? "\"" + version + "/" + plural + "\" (core group) or \"example.com/" + version + "/" + plural + "\""
                : "\"" + spec(new Resource(parsed.group(), version, plural)) + "\" or \"" + plural + "." + version
                        + (parsed.group().isEmpty() ? "" : "." + parsed.group()) + "\"";
        return "The resource spec '" + spec + "' names no " + String.join(" and no ", missing)
                + ": name the group, version and plural, e.g. " + examples;
    }

    /**
     * {@code kmock.resources().put("v1/foos", Map.of("kind", "Foo", "namespaced", true))} for a resource: with the
     * kind and scope of the bundled catalog when it has the resource ({@code ConfigMap}), else a plausible kind.
     */
    static String declaration(Resource resource) {
        String plural = resource.plural() == null ? "widgets" : resource.plural();
        ResourceInfo known = BundledKinds.find(resource);
        String kind = known != null && known.kind() != null ? known.kind() : exampleKind(plural);
        boolean namespaced = known == null || known.namespaced();
        return "kmock.resources().put(\"" + spec(resource) + "\", Map.of(\"kind\", \"" + kind + "\", \"namespaced\", "
                + namespaced + "))";
    }

    /** The bundled catalog by group and plural (any version), read on the first hint that needs it. */
    private static final class BundledKinds {
        private static final Map<String, ResourceInfo> BY_NAME = new HashMap<>();

        static {
            ResourceLists.bundled()
                    .forEach((resource, info) -> BY_NAME.putIfAbsent(resource.group() + "/" + resource.plural(), info));
        }

        static ResourceInfo find(Resource resource) {
            return resource.group() == null || resource.plural() == null
                    ? null
                    : BY_NAME.get(resource.group() + "/" + resource.plural());
        }
    }

    /** The slash notation of a complete resource: {@code v1/pods}, {@code apps/v1/deployments}. */
    static String spec(Resource resource) {
        return resource.isComplete() ? resource.apiVersion() + "/" + resource.plural() : resource.toString();
    }

    /** A plausible kind for an example: the plural made singular by the common English endings, capitalised. */
    static String exampleKind(String plural) {
        String singular = plural.endsWith("ies")
                ? plural.substring(0, plural.length() - 3) + "y"
                : plural.matches(".*(ss|x|ch|sh)es")
                        ? plural.substring(0, plural.length() - 2)
                        : plural.matches(".*[^su]s") ? plural.substring(0, plural.length() - 1) : plural;
        return singular.isEmpty()
                ? singular
                : singular.substring(0, 1).toUpperCase(Locale.ROOT) + singular.substring(1);
    }
}
