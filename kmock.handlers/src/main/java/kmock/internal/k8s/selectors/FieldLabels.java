package kmock.internal.k8s.selectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import kmock.api.Resource;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.tables.JsonPath;

/**
 * The field labels a resource can be selected by, and how each reads an object, as the API server defines them:
 * {@code metadata.name} and {@code metadata.namespace} for every resource, plus the fields each built-in kind adds
 * (pods {@code spec.nodeName}, {@code status.phase}, …; events {@code involvedObject.*}, …) and, for custom
 * resources, the {@code selectableFields} of their definition. Any other label is a 400 that names it. Resources
 * that are neither built in nor defined by a stored definition keep the original's forgiving reading: any dotted
 * path.
 */
public final class FieldLabels {

    /** Any dotted path, read as the text at that path ({@code ""} when absent). */
    public static final FieldLabels ANY_PATH = new FieldLabels(null, null, false);

    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy");
    private static final Map<String, Map<String, Function<Map<String, Object>, String>>> BUILT_IN = builtIn();

    private final String resource;
    private final Map<String, Function<Map<String, Object>, String>> labels;
    private final boolean ownConversion;

    private FieldLabels(
            String resource, Map<String, Function<Map<String, Object>, String>> labels, boolean ownConversion) {
        this.resource = resource;
        this.labels = labels;
        this.ownConversion = ownConversion;
    }

    /**
     * The field labels of a resource.
     *
     * @param namespaced whether its objects live in namespaces
     * @param definition the {@code CustomResourceDefinition} that defines it, or {@code null}
     */
    public static FieldLabels of(Resource resource, boolean namespaced, Map<String, Object> definition) {
        if (definition != null) {
            Map<String, Function<Map<String, Object>, String>> labels = metadata(namespaced);
            for (String path : selectableFields(definition, resource.version())) {
                JsonPath compiled;
                try {
                    compiled = JsonPath.compile(path);
                } catch (IllegalArgumentException unsupported) {
                    continue;
                }
                labels.put(path.startsWith(".") ? path.substring(1) : path, object -> text(compiled.first(object)));
            }
            return new FieldLabels(resource.plural(), labels, true);
        }
        if (!BUILT_IN_GROUPS.contains(resource.group()) && !resource.group().endsWith(".k8s.io")) {
            return ANY_PATH;
        }
        Map<String, Function<Map<String, Object>, String>> own =
                BUILT_IN.get(resource.group() + "/" + resource.plural());
        return own != null
                ? new FieldLabels(resource.plural(), own, true)
                : new FieldLabels(resource.plural(), metadata(true), false);
    }

    /**
     * How a label reads an object.
     *
     * @throws KubernetesException 400 naming the label and the ones the resource supports
     */
    Function<Map<String, Object>, String> reader(String label) {
        if (labels == null) {
            return object -> text(path(object, label));
        }
        Function<Map<String, Object>, String> reader = labels.get(label);
        if (reader == null) {
            String known = String.join(", ", labels.keySet());
            throw new KubernetesException(
                    Reason.BAD_REQUEST,
                    (ownConversion
                                    ? "field label not supported: " + label
                                    : "\"" + label
                                            + "\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"")
                            + "; " + resource + " can be selected by " + known);
        }
        return reader;
    }

    private static Map<String, Map<String, Function<Map<String, Object>, String>>> builtIn() {
        Map<String, Map<String, Function<Map<String, Object>, String>>> all = new LinkedHashMap<>();
        Map<String, Function<Map<String, Object>, String>> pods = metadata(true);
        for (String field : List.of(
                "spec.nodeName",
                "spec.restartPolicy",
                "spec.schedulerName",
                "spec.serviceAccountName",
                "status.nominatedNodeName")) {
            pods.put(field, at(field));
        }
        pods.put("spec.host", at("spec.nodeName"));
        pods.put("spec.hostNetwork", object -> String.valueOf(Boolean.TRUE.equals(path(object, "spec.hostNetwork"))));
        // The API server sets Pending on create: a stored pod without a phase is a pending pod.
        pods.put(
                "status.phase",
                object ->
                        text(path(object, "status.phase")).isEmpty() ? "Pending" : text(path(object, "status.phase")));
        pods.put(
                "status.podIP",
                object -> path(object, "status.podIPs") instanceof List<?> ips && !ips.isEmpty()
                        ? text(path(ips.get(0), "ip"))
                        : text(path(object, "status.podIP")));
        all.put("/pods", pods);
        Map<String, Function<Map<String, Object>, String>> nodes = metadata(false);
        nodes.put(
                "spec.unschedulable",
                object -> String.valueOf(Boolean.TRUE.equals(path(object, "spec.unschedulable"))));
        all.put("/nodes", nodes);
        Map<String, Function<Map<String, Object>, String>> namespaces = metadata(false);
        namespaces.put(
                "status.phase",
                object -> !text(path(object, "status.phase")).isEmpty()
                        ? text(path(object, "status.phase"))
                        : path(object, "metadata.deletionTimestamp") != null ? "Terminating" : "Active");
        all.put("/namespaces", namespaces);
        all.put(
                "/secrets",
                with(
                        metadata(true),
                        Map.of(
                                "type",
                                object ->
                                        text(path(object, "type")).isEmpty() ? "Opaque" : text(path(object, "type")))));
        all.put(
                "/services",
                with(
                        metadata(true),
                        Map.of(
                                "spec.clusterIP",
                                at("spec.clusterIP"),
                                "spec.type",
                                object -> text(path(object, "spec.type")).isEmpty()
                                        ? "ClusterIP"
                                        : text(path(object, "spec.type")))));
        all.put("/replicationcontrollers", with(metadata(true), Map.of("status.replicas", number("status.replicas"))));
        all.put("apps/replicasets", with(metadata(true), Map.of("status.replicas", number("status.replicas"))));
        all.put("batch/jobs", with(metadata(true), Map.of("status.successful", number("status.succeeded"))));
        all.put(
                "certificates.k8s.io/certificatesigningrequests",
                with(metadata(false), Map.of("spec.signerName", at("spec.signerName"))));
        all.put("/events", events("involvedObject", "reportingComponent", "source"));
        all.put("events.k8s.io/events", events("regarding", "reportingController", "deprecatedSource"));
        return all;
    }

    /** Core events' labels, read from a core event or, for {@code events.k8s.io}, under that API's field names. */
    private static Map<String, Function<Map<String, Object>, String>> events(
            String involved, String reporting, String source) {
        boolean core = involved.equals("involvedObject");
        Map<String, Function<Map<String, Object>, String>> labels = new LinkedHashMap<>();
        for (String field : List.of("kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath")) {
            labels.put((core ? "involvedObject." : "regarding.") + field, at(involved + "." + field));
        }
        labels.put("reason", at("reason"));
        labels.put(core ? "reportingComponent" : "reportingController", at(reporting));
        if (core) {
            labels.put(
                    "source",
                    object -> text(path(object, source + ".component")).isEmpty()
                            ? text(path(object, reporting))
                            : text(path(object, source + ".component")));
        }
        labels.put("type", at("type"));
        labels.putAll(metadata(true));
        return labels;
    }

    private static Map<String, Function<Map<String, Object>, String>> metadata(boolean namespaced) {
        Map<String, Function<Map<String, Object>, String>> labels = new LinkedHashMap<>();
        labels.put("metadata.name", at("metadata.name"));
        if (namespaced) {
            labels.put("metadata.namespace", at("metadata.namespace"));
        }
        return labels;
    }

    private static Map<String, Function<Map<String, Object>, String>> with(
            Map<String, Function<Map<String, Object>, String>> base,
            Map<String, Function<Map<String, Object>, String>> more) {
        base.putAll(more);
        return base;
    }

    private static List<String> selectableFields(Map<String, Object> definition, String version) {
        if (definition.get("spec") instanceof Map<?, ?> spec && spec.get("versions") instanceof List<?> versions) {
            for (Object entry : versions) {
                if (entry instanceof Map<?, ?> map
                        && version.equals(map.get("name"))
                        && map.get("selectableFields") instanceof List<?> fields) {
                    return fields.stream()
                            .filter(Map.class::isInstance)
                            .map(f -> String.valueOf(((Map<?, ?>) f).get("jsonPath")))
                            .toList();
                }
            }
        }
        return List.of();
    }

    private static Function<Map<String, Object>, String> at(String dotted) {
        return object -> text(path(object, dotted));
    }

    private static Function<Map<String, Object>, String> number(String dotted) {
        return object -> path(object, dotted) instanceof Number number ? text(number) : "0";
    }

    private static Object path(Object object, String dotted) {
        Object current = object;
        for (String part : dotted.split("\\.")) {
            current = current instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return current;
    }

    /** A field's value as Go prints it into a field set: integers without a fraction, {@code ""} for none. */
    static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) && Math.abs(number) < 1e15
                    ? Long.toString((long) number)
                    : String.valueOf(number);
        }
        return String.valueOf(value);
    }
}
