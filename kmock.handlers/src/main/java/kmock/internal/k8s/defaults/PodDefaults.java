package kmock.internal.k8s.defaults;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The core/v1 defaults of Pods and of what a pod template holds: the pod spec, containers, probes, handlers and
 * volumes ({@code SetDefaults_Pod}, {@code SetDefaults_PodSpec}, {@code SetDefaults_Container}, … in
 * pkg/apis/core/v1/defaults.go of Kubernetes 1.32, with only the feature gates on by default). {@code SetDefaults_Pod}
 * applies to Pods only, never to templates: a Deployment's template gets no {@code enableServiceLinks}.
 */
final class PodDefaults {

    private static final String CORE = "io.k8s.api.core.v1.";
    private static final int DEFAULT_MODE = 0644;

    private PodDefaults() {}

    static void register(Map<String, TypeDefaulter> types) {
        types.put(CORE + "Pod", PodDefaults::pod);
        types.put(CORE + "PodSpec", PodDefaults::podSpec);
        types.put(CORE + "Container", PodDefaults::container);
        types.put(CORE + "EphemeralContainer", PodDefaults::container);
        types.put(CORE + "Probe", PodDefaults::probe);
        types.put(CORE + "HTTPGetAction", PodDefaults::httpGet);
        types.put(CORE + "Volume", PodDefaults::volume);
        types.put(CORE + "SecretVolumeSource", source -> Fields.defaultPointer(source, "defaultMode", DEFAULT_MODE));
        types.put(CORE + "ConfigMapVolumeSource", source -> Fields.defaultPointer(source, "defaultMode", DEFAULT_MODE));
        types.put(
                CORE + "DownwardAPIVolumeSource", source -> Fields.defaultPointer(source, "defaultMode", DEFAULT_MODE));
        types.put(CORE + "ProjectedVolumeSource", source -> Fields.defaultPointer(source, "defaultMode", DEFAULT_MODE));
        types.put(
                CORE + "ServiceAccountTokenProjection",
                token -> Fields.defaultPointer(token, "expirationSeconds", 3600));
        types.put(CORE + "HostPathVolumeSource", hostPath -> Fields.defaultPointer(hostPath, "type", ""));
        types.put(CORE + "ObjectFieldSelector", selector -> Fields.defaultValue(selector, "apiVersion", "v1"));
    }

    /** Requests default to limits, service links are on, and host networking makes every container port a host port. */
    private static void pod(Map<String, Object> pod) {
        Map<String, Object> spec = Fields.object(pod, "spec");
        if (spec == null) {
            return;
        }
        for (String list : new String[] {"containers", "initContainers"}) {
            for (Map<String, Object> container : Fields.objects(spec, list)) {
                requestsFromLimits(Fields.object(container, "resources"));
            }
        }
        Fields.defaultPointer(spec, "enableServiceLinks", true);
        if (Boolean.TRUE.equals(spec.get("hostNetwork"))) {
            for (String list : new String[] {"containers", "initContainers"}) {
                for (Map<String, Object> container : Fields.objects(spec, list)) {
                    for (Map<String, Object> port : Fields.objects(container, "ports")) {
                        if (Fields.isZero(port.get("hostPort"))) {
                            port.put("hostPort", port.get("containerPort"));
                        }
                    }
                }
            }
        }
    }

    private static void requestsFromLimits(Map<String, Object> resources) {
        Map<String, Object> limits = Fields.object(resources, "limits");
        if (limits == null) {
            return;
        }
        Map<String, Object> requests = Fields.object(resources, "requests");
        if (requests == null) {
            requests = new LinkedHashMap<>();
            resources.put("requests", requests);
        }
        for (Map.Entry<String, Object> limit : limits.entrySet()) {
            requests.putIfAbsent(limit.getKey(), limit.getValue());
        }
        Fields.sortKeys(requests);
    }

    /**
     * The pod spec's defaults, and the round trip through the internal type that makes {@code serviceAccount} (the
     * deprecated alias) always equal {@code serviceAccountName}, the new field winning when both are given.
     */
    private static void podSpec(Map<String, Object> spec) {
        Fields.defaultValue(spec, "dnsPolicy", "ClusterFirst");
        Fields.defaultValue(spec, "restartPolicy", "Always");
        Fields.defaultPointer(spec, "securityContext", new LinkedHashMap<>());
        Fields.defaultPointer(spec, "terminationGracePeriodSeconds", 30);
        Fields.defaultValue(spec, "schedulerName", "default-scheduler");
        String account = Fields.string(spec, "serviceAccountName");
        if (account.isEmpty()) {
            account = Fields.string(spec, "serviceAccount");
        }
        if (account.isEmpty()) {
            spec.remove("serviceAccountName");
            spec.remove("serviceAccount");
        } else {
            spec.put("serviceAccountName", account);
            spec.put("serviceAccount", account);
        }
    }

    private static void container(Map<String, Object> container) {
        if (Fields.isZero(container.get("imagePullPolicy"))) {
            container.put(
                    "imagePullPolicy",
                    "latest".equals(ImageReference.tag(Fields.string(container, "image"))) ? "Always" : "IfNotPresent");
        }
        Fields.defaultValue(container, "terminationMessagePath", "/dev/termination-log");
        Fields.defaultValue(container, "terminationMessagePolicy", "File");
    }

    private static void probe(Map<String, Object> probe) {
        Fields.defaultValue(probe, "timeoutSeconds", 1);
        Fields.defaultValue(probe, "periodSeconds", 10);
        Fields.defaultValue(probe, "successThreshold", 1);
        Fields.defaultValue(probe, "failureThreshold", 3);
    }

    private static void httpGet(Map<String, Object> action) {
        Fields.defaultValue(action, "path", "/");
        Fields.defaultValue(action, "scheme", "HTTP");
    }

    /** A volume that names no source is an {@code emptyDir}. */
    private static void volume(Map<String, Object> volume) {
        for (Map.Entry<String, Object> field : volume.entrySet()) {
            if (!field.getKey().equals("name") && field.getValue() != null) {
                return;
            }
        }
        volume.put("emptyDir", new LinkedHashMap<>());
    }
}
