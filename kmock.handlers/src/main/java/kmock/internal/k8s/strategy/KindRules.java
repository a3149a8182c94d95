package kmock.internal.k8s.strategy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hand-written validation of the built-in kinds that tests meet most, with the API server's words: pod specs
 * (also inside workload templates), workload selectors, services, and the keys of ConfigMaps and Secrets.
 */
final class KindRules {

    private static final Pattern CONFIG_KEY = Pattern.compile("^[-._a-zA-Z0-9]+$");
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    private KindRules() {}

    /** Checks an object of a built-in kind. */
    static void check(String group, String kind, Map<String, Object> object, FieldErrors errors) {
        Map<?, ?> spec = map(object.get("spec"));
        switch (group + "/" + kind) {
            case "/Pod" -> podSpec(spec, "spec", errors);
            case "/PodTemplate", "/ReplicationController" -> {
                Map<?, ?> template =
                        kind.equals("PodTemplate") ? map(object.get("template")) : map(spec.get("template"));
                podSpec(
                        map(template.get("spec")),
                        kind.equals("PodTemplate") ? "template.spec" : "spec.template.spec",
                        errors);
            }
            case "/Service" -> service(spec, errors);
            case "/ConfigMap", "/Secret" -> {
                keys(object.get("data"), "data", errors);
                keys(
                        object.get(kind.equals("Secret") ? "stringData" : "binaryData"),
                        kind.equals("Secret") ? "stringData" : "binaryData",
                        errors);
            }
            case "batch/Job" -> job(spec, "spec", errors);
            case "batch/CronJob" -> job(map(map(spec.get("jobTemplate")).get("spec")), "spec.jobTemplate.spec", errors);
            default -> {
                if (group.equals("apps") && WORKLOADS.contains(kind)) {
                    workload(kind, spec, errors);
                }
            }
        }
    }

    private static void workload(String kind, Map<?, ?> spec, FieldErrors errors) {
        if (spec.get("replicas") instanceof Number replicas && replicas.longValue() < 0) {
            errors.invalid("spec.replicas", replicas, "must be greater than or equal to 0");
        }
        Map<?, ?> selector = map(spec.get("selector"));
        Map<?, ?> template = map(spec.get("template"));
        if (spec.get("selector") != null
                && map(selector.get("matchLabels")).isEmpty()
                && list(selector.get("matchExpressions")).isEmpty()) {
            errors.invalid(
                    "spec.selector",
                    selector,
                    "empty selector is invalid for " + kind.toLowerCase(java.util.Locale.ROOT));
        } else if (spec.get("selector") != null) {
            Map<?, ?> labels = map(map(template.get("metadata")).get("labels"));
            if (!matches(selector, labels)) {
                errors.invalid("spec.template.metadata.labels", labels, "`selector` does not match template `labels`");
            }
        }
        podSpec(map(template.get("spec")), "spec.template.spec", errors);
    }

    private static void job(Map<?, ?> spec, String path, FieldErrors errors) {
        Map<?, ?> podSpec = map(map(spec.get("template")).get("spec"));
        Object restart = podSpec.get("restartPolicy");
        if (restart != null && !"OnFailure".equals(restart) && !"Never".equals(restart)) {
            errors.notSupported(path + ".template.spec.restartPolicy", restart, List.of("OnFailure", "Never"));
        }
        podSpec(podSpec, path + ".template.spec", errors);
    }

    private static void podSpec(Map<?, ?> spec, String path, FieldErrors errors) {
        List<?> containers = list(spec.get("containers"));
        if (containers.isEmpty()) {
            errors.required(path + ".containers", "");
        }
        Set<String> volumes = new HashSet<>();
        List<?> volumeList = list(spec.get("volumes"));
        for (int i = 0; i < volumeList.size(); i++) {
            Object name = map(volumeList.get(i)).get("name");
            if (name instanceof String text && !volumes.add(text)) {
                errors.add(FieldErrors.Type.DUPLICATE, path + ".volumes[" + i + "].name", text, "");
            }
        }
        Set<String> names = new HashSet<>();
        containers(list(spec.get("initContainers")), path + ".initContainers", names, volumes, errors);
        containers(containers, path + ".containers", names, volumes, errors);
    }

    private static void containers(
            List<?> containers, String path, Set<String> names, Set<String> volumes, FieldErrors errors) {
        for (int i = 0; i < containers.size(); i++) {
            Map<?, ?> container = map(containers.get(i));
            String at = path + "[" + i + "]";
            if (container.get("name") instanceof String name && !name.isEmpty()) {
                if (!LABEL.matcher(name).matches() || name.length() > 63) {
                    errors.invalid(
                            at + ".name",
                            name,
                            NameRules.regexError(
                                    "a lowercase RFC 1123 label must consist of "
                                            + "lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                                    "[a-z0-9]([-a-z0-9]*[a-z0-9])?",
                                    "my-name",
                                    "123-abc"));
                } else if (!names.add(name)) {
                    errors.add(FieldErrors.Type.DUPLICATE, at + ".name", name, "");
                }
            }
            if (!(container.get("image") instanceof String image) || image.isBlank()) {
                errors.required(at + ".image", "");
            }
            List<?> ports = list(container.get("ports"));
            for (int p = 0; p < ports.size(); p++) {
                Object port = map(ports.get(p)).get("containerPort");
                if (port instanceof Number number && (number.longValue() < 1 || number.longValue() > 65535)) {
                    errors.invalid(
                            at + ".ports[" + p + "].containerPort", number, "must be between 1 and 65535, inclusive");
                }
            }
            List<?> mounts = list(container.get("volumeMounts"));
            for (int m = 0; m < mounts.size(); m++) {
                Object name = map(mounts.get(m)).get("name");
                if (name instanceof String text && !text.isEmpty() && !volumes.contains(text)) {
                    errors.add(FieldErrors.Type.NOT_FOUND, at + ".volumeMounts[" + m + "].name", text, "");
                }
            }
        }
    }

    private static void service(Map<?, ?> spec, FieldErrors errors) {
        boolean headless = "None".equals(spec.get("clusterIP"));
        boolean external = "ExternalName".equals(spec.get("type"));
        List<?> ports = list(spec.get("ports"));
        if (ports.isEmpty() && !headless && !external) {
            errors.required("spec.ports", "");
        }
        for (int i = 0; i < ports.size(); i++) {
            Object port = map(ports.get(i)).get("port");
            if (port instanceof Number number && (number.longValue() < 1 || number.longValue() > 65535)) {
                errors.invalid("spec.ports[" + i + "].port", number, "must be between 1 and 65535, inclusive");
            }
            if (ports.size() > 1 && !(map(ports.get(i)).get("name") instanceof String name && !name.isEmpty())) {
                errors.required("spec.ports[" + i + "].name", "");
            }
        }
    }

    private static void keys(Object data, String path, FieldErrors errors) {
        map(data).keySet().forEach(key -> {
            String text = String.valueOf(key);
            if (!CONFIG_KEY.matcher(text).matches()) {
                errors.invalid(
                        path + "[" + text + "]",
                        text,
                        "a valid config key must consist of alphanumeric characters, "
                                + "'-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is "
                                + "'[-._a-zA-Z0-9]+')");
            }
        });
    }

    /** Whether a label selector selects a set of labels. */
    static boolean matches(Map<?, ?> selector, Map<?, ?> labels) {
        for (Map.Entry<?, ?> entry : map(selector.get("matchLabels")).entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (Object item : list(selector.get("matchExpressions"))) {
            Map<?, ?> requirement = map(item);
            Object value = labels.get(requirement.get("key"));
            List<?> values = list(requirement.get("values"));
            boolean ok =
                    switch (String.valueOf(requirement.get("operator"))) {
                        case "In" -> value != null && values.contains(value);
                        case "NotIn" -> value == null || !values.contains(value);
                        case "Exists" -> labels.containsKey(requirement.get("key"));
                        case "DoesNotExist" -> !labels.containsKey(requirement.get("key"));
                        default -> false;
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
