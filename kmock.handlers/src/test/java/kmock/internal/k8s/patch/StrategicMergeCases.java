package kmock.internal.k8s.patch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kmock.internal.json.Json;

/**
 * The strategic merge patch cases of {@code strategic-merge-cases.yaml}: objects of real kinds and patches for them,
 * without expected results (those come from {@link KubectlOracle}).
 */
public final class StrategicMergeCases {

    /**
     * One case.
     *
     * @param name        what it shows, for the test's display name
     * @param object      the object to patch (a fresh copy per call of {@link #object()})
     * @param patch       the patch body
     * @param code        the status kube-apiserver answers when the patch fails, or 0
     * @param subresource {@code status} when the patch goes to the status subresource over HTTP, else {@code null}
     * @param engineOnly  why the case is not sent over HTTP, or {@code null}
     */
    public record Case(
            String name,
            Map<String, Object> object,
            Map<String, Object> patch,
            int code,
            String subresource,
            String engineOnly) {

        /** A deep copy of the object, free to change. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> freshObject() {
            return (Map<String, Object>) JsonPatch.copy(object);
        }

        /** The object's apiVersion. */
        public String apiVersion() {
            return (String) object.get("apiVersion");
        }

        /** The object's metadata.name. */
        public String objectName() {
            return (String) ((Map<?, ?>) object.get("metadata")).get("name");
        }

        /** The object's metadata.namespace, or {@code null} for a cluster-scoped kind. */
        public String namespace() {
            return (String) ((Map<?, ?>) object.get("metadata")).get("namespace");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private StrategicMergeCases() {}

    /** The JSON text of a value with every map's keys sorted: Go prints maps sorted, so only list order counts. */
    public static String canonical(Object value) {
        return Json.toText(sorted(value));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> tree = new TreeMap<>();
            map.forEach((k, v) -> tree.put(String.valueOf(k), sorted(v)));
            return tree;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StrategicMergeCases::sorted).toList();
        }
        return value;
    }

    /** Every case, in file order. */
    @SuppressWarnings("unchecked")
    public static List<Case> all() {
        try (InputStream in = StrategicMergeCases.class.getResourceAsStream("strategic-merge-cases.yaml")) {
            Map<String, Object> file = (Map<String, Object>) Patches.yaml(in.readAllBytes());
            Map<String, Map<String, Object>> objects = (Map<String, Map<String, Object>>) file.get("objects");
            List<Case> cases = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) file.get("cases")) {
                Map<String, Object> object = objects.get((String) entry.get("object"));
                if (object == null) {
                    throw new IllegalStateException(
                            "case '" + entry.get("name") + "' names an unknown object " + entry.get("object"));
                }
                cases.add(new Case(
                        (String) entry.get("name"),
                        object,
                        (Map<String, Object>) entry.get("patch"),
                        entry.get("code") instanceof Integer code ? code : 0,
                        (String) entry.get("subresource"),
                        (String) entry.get("engineOnly")));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
