package kmock.internal.k8s.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How kube-apiserver describes a subresource in an {@code APIResourceList}, from its name and its parent's kind:
 * {@code status} and unknown names serve the parent's kind with {@code get/patch/update} (as for custom resources);
 * {@code scale} serves {@code autoscaling/v1 Scale}; the built-in connect and action subresources serve their
 * own kinds and verbs. A {@code ResourceInfo} lists subresources by name only, so this is what restores the rest.
 */
final class Subresources {

    private static final List<String> READ_WRITE = List.of("get", "patch", "update");
    private static final List<String> CONNECT = List.of("create", "get");
    private static final List<String> PROXY = List.of("create", "delete", "get", "patch", "update");
    private static final List<String> CREATE = List.of("create");

    private Subresources() {}

    /** The discovery entry of {@code parent/name}, in kube-apiserver's field order. */
    static Map<String, Object> entry(Catalog.Entry parent, String name) {
        String group = null;
        String version = null;
        String kind = parent.kind();
        List<String> verbs = READ_WRITE;
        switch (name) {
            case "scale" -> {
                group = "autoscaling";
                version = "v1";
                kind = "Scale";
            }
            case "finalize" -> verbs = List.of("update");
            case "log" -> verbs = List.of("get");
            case "attach", "exec", "portforward" -> {
                kind = parent.kind() + optionsName(name) + "Options";
                verbs = CONNECT;
            }
            case "proxy" -> {
                kind = parent.kind() + "ProxyOptions";
                verbs = PROXY;
            }
            case "binding" -> {
                kind = "Binding";
                verbs = CREATE;
            }
            case "eviction" -> {
                group = "policy";
                version = "v1";
                kind = "Eviction";
                verbs = CREATE;
            }
            case "token" -> {
                group = "authentication.k8s.io";
                version = "v1";
                kind = "TokenRequest";
                verbs = CREATE;
            }
            default -> {
                // status, approval, ephemeralcontainers, resize and custom resources' own subresources.
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", parent.resource().plural() + "/" + name);
        entry.put("singularName", "");
        entry.put("namespaced", parent.namespaced());
        if (group != null
                && !(group.equals(parent.resource().group())
                        && version.equals(parent.resource().version()))) {
            entry.put("group", group);
            entry.put("version", version);
        }
        entry.put("kind", kind);
        entry.put("verbs", verbs);
        return entry;
    }

    private static String optionsName(String name) {
        return name.equals("portforward") ? "PortForward" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
