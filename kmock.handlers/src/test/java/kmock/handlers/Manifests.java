package kmock.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.api.KResponse;

/** Small manifests and reads for the controller tests, through the emulator's own HTTP client. */
final class Manifests {

    private Manifests() {}

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Map<String, Object> template(
            String app, String image, Map<String, String> annotations, String restartPolicy) {
        Map<String, Object> spec = map("containers", List.of(map("name", app, "image", image)));
        if (restartPolicy != null) {
            spec.put("restartPolicy", restartPolicy);
        }
        return map("metadata", map("labels", Map.of("app", app), "annotations", annotations), "spec", spec);
    }

    static Map<String, Object> deployment(String name, int replicas, String image) {
        return map(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                map("name", name),
                "spec",
                map(
                        "replicas",
                        replicas,
                        "selector",
                        map("matchLabels", Map.of("app", name)),
                        "template",
                        template(name, image, Map.of(), null)));
    }

    static Map<String, Object> pod(String name, String restartPolicy, Map<String, String> annotations) {
        Map<String, Object> spec = map("containers", List.of(map("name", "main", "image", "busybox")));
        if (restartPolicy != null) {
            spec.put("restartPolicy", restartPolicy);
        }
        return map(
                "apiVersion",
                "v1",
                "kind",
                "Pod",
                "metadata",
                map("name", name, "labels", Map.of("app", name), "annotations", annotations),
                "spec",
                spec);
    }

    static Map<String, Object> job(
            String name, Integer completions, Integer parallelism, Map<String, String> annotations) {
        Map<String, Object> spec = map("template", template(name, "busybox", annotations, "Never"));
        if (completions != null) {
            spec.put("completions", completions);
        }
        if (parallelism != null) {
            spec.put("parallelism", parallelism);
        }
        return map("apiVersion", "batch/v1", "kind", "Job", "metadata", map("name", name), "spec", spec);
    }

    /** Creates an object over HTTP and fails unless the API answered 201. */
    static Map<?, ?> create(KubernetesEmulator kmock, String collection, Map<String, Object> body) {
        KResponse created = kmock.post(collection, body);
        if (created.status() != 201) {
            throw new AssertionError("POST " + collection + " answered " + created.status() + ": " + created.text());
        }
        return (Map<?, ?>) created.json();
    }

    /** The items of a list over HTTP. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(KubernetesEmulator kmock, String collection) {
        KResponse list = kmock.get(collection);
        if (list.status() != 200) {
            throw new AssertionError("GET " + collection + " answered " + list.status() + ": " + list.text());
        }
        return new ArrayList<>((List<Map<String, Object>>) ((Map<?, ?>) list.json()).get("items"));
    }

    /** One object over HTTP, or {@code null} on a 404. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> get(KubernetesEmulator kmock, String path) {
        KResponse got = kmock.get(path);
        if (got.status() == 404) {
            return null;
        }
        if (got.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + got.status() + ": " + got.text());
        }
        return (Map<String, Object>) got.json();
    }

    /** The value at a path of keys and list indexes. */
    static Object at(Object root, Object... path) {
        Object current = root;
        for (Object step : path) {
            if (step instanceof Integer index && current instanceof List<?> list) {
                current = index < list.size() ? list.get(index) : null;
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else {
                return null;
            }
        }
        return current;
    }

    /** The map at a path, to change a manifest before it is sent. */
    @SuppressWarnings("unchecked") // the manifests here are made by map(…), whose maps are Map<String, Object>
    static Map<String, Object> mapAt(Object root, Object... path) {
        return (Map<String, Object>) at(root, path);
    }

    /** The condition of a type in an object's status, or {@code null}. */
    static Map<?, ?> condition(Object object, String type) {
        Object conditions = at(object, "status", "conditions");
        if (conditions instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> condition && type.equals(condition.get("type"))) {
                    return condition;
                }
            }
        }
        return null;
    }

    static List<String> names(List<Map<String, Object>> objects) {
        return objects.stream().map(o -> (String) at(o, "metadata", "name")).toList();
    }
}
