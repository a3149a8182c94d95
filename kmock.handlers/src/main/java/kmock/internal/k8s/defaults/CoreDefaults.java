package kmock.internal.k8s.defaults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core/v1 defaults of the kinds other than Pods (pkg/apis/core/v1/defaults.go, Kubernetes 1.32): Services,
 * Namespaces, Secrets, persistent volumes and claims, Endpoints, node status, limit ranges and replication
 * controllers. ConfigMaps have none. A Service's cluster IPs and node ports are not defaults: its registry
 * allocates them.
 */
final class CoreDefaults {

    private static final String CORE = "io.k8s.api.core.v1.";

    private CoreDefaults() {}

    static void register(Map<String, TypeDefaulter> types) {
        types.put(CORE + "Service", CoreDefaults::service);
        types.put(CORE + "Namespace", CoreDefaults::namespace);
        types.put(CORE + "NamespaceStatus", status -> Fields.defaultValue(status, "phase", "Active"));
        types.put(CORE + "Secret", secret -> Fields.defaultValue(secret, "type", "Opaque"));
        types.put(CORE + "PersistentVolume", CoreDefaults::persistentVolume);
        types.put(
                CORE + "PersistentVolumeClaim",
                claim -> Fields.defaultValue(Fields.objectOrNew(claim, "status"), "phase", "Pending"));
        types.put(CORE + "PersistentVolumeClaimSpec", spec -> Fields.defaultPointer(spec, "volumeMode", "Filesystem"));
        types.put(CORE + "Endpoints", CoreDefaults::endpoints);
        types.put(CORE + "NodeStatus", CoreDefaults::nodeStatus);
        types.put(CORE + "LimitRangeItem", CoreDefaults::limitRangeItem);
        types.put(CORE + "ReplicationController", CoreDefaults::replicationController);
    }

    private static void service(Map<String, Object> service) {
        Map<String, Object> spec = Fields.objectOrNew(service, "spec");
        Fields.defaultValue(spec, "sessionAffinity", "None");
        if ("None".equals(spec.get("sessionAffinity"))) {
            spec.remove("sessionAffinityConfig");
        } else if ("ClientIP".equals(spec.get("sessionAffinity"))) {
            Map<String, Object> clientIp = Fields.object(Fields.object(spec, "sessionAffinityConfig"), "clientIP");
            if (clientIp == null || clientIp.get("timeoutSeconds") == null) {
                spec.put("sessionAffinityConfig", Fields.map("clientIP", Fields.map("timeoutSeconds", 10800)));
            }
        }
        Fields.defaultValue(spec, "type", "ClusterIP");
        for (Map<String, Object> port : Fields.objects(spec, "ports")) {
            Fields.defaultValue(port, "protocol", "TCP");
            if (Fields.isZero(port.get("targetPort"))) {
                port.put("targetPort", port.get("port") == null ? 0 : port.get("port"));
            }
        }
        Object type = spec.get("type");
        boolean external = "LoadBalancer".equals(type)
                || "NodePort".equals(type)
                || ("ClusterIP".equals(type)
                        && !Fields.list(spec, "externalIPs").isEmpty());
        if (external) {
            Fields.defaultValue(spec, "externalTrafficPolicy", "Cluster");
        }
        if (List.of("NodePort", "LoadBalancer", "ClusterIP").contains(type)) {
            Fields.defaultPointer(spec, "internalTrafficPolicy", "Cluster");
        }
        if ("LoadBalancer".equals(type)) {
            Fields.defaultPointer(spec, "allocateLoadBalancerNodePorts", true);
            Map<String, Object> balancer = Fields.object(Fields.object(service, "status"), "loadBalancer");
            for (Map<String, Object> ingress : Fields.objects(balancer, "ingress")) {
                if (!Fields.isZero(ingress.get("ip"))) {
                    Fields.defaultPointer(ingress, "ipMode", "VIP");
                }
            }
        }
    }

    /** Every named namespace carries its name as the label {@code kubernetes.io/metadata.name}. */
    private static void namespace(Map<String, Object> namespace) {
        Map<String, Object> metadata = Fields.object(namespace, "metadata");
        String name = Fields.string(metadata, "name");
        if (!name.isEmpty()) {
            Fields.putSorted(Fields.objectOrNew(metadata, "labels"), "kubernetes.io/metadata.name", name);
        }
    }

    private static void persistentVolume(Map<String, Object> volume) {
        Fields.defaultValue(Fields.objectOrNew(volume, "status"), "phase", "Pending");
        Map<String, Object> spec = Fields.objectOrNew(volume, "spec");
        Fields.defaultValue(spec, "persistentVolumeReclaimPolicy", "Retain");
        Fields.defaultPointer(spec, "volumeMode", "Filesystem");
    }

    private static void endpoints(Map<String, Object> endpoints) {
        for (Map<String, Object> subset : Fields.objects(endpoints, "subsets")) {
            for (Map<String, Object> port : Fields.objects(subset, "ports")) {
                Fields.defaultValue(port, "protocol", "TCP");
            }
        }
    }

    private static void nodeStatus(Map<String, Object> status) {
        Map<String, Object> capacity = Fields.object(status, "capacity");
        if (status.get("allocatable") == null && capacity != null) {
            status.put("allocatable", new LinkedHashMap<>(capacity));
        }
    }

    /** Container limits: the default limit from the max, the default request from the default limit, else the min. */
    private static void limitRangeItem(Map<String, Object> item) {
        if (!"Container".equals(item.get("type"))) {
            return;
        }
        Map<String, Object> defaults = Fields.objectOrNew(item, "default");
        Map<String, Object> requests = Fields.objectOrNew(item, "defaultRequest");
        Map<String, Object> max = Fields.object(item, "max");
        Map<String, Object> min = Fields.object(item, "min");
        if (max != null) {
            max.forEach(defaults::putIfAbsent);
        }
        defaults.forEach(requests::putIfAbsent);
        if (min != null) {
            min.forEach(requests::putIfAbsent);
        }
        Fields.sortKeys(defaults);
        Fields.sortKeys(requests);
        Fields.dropIfEmpty(item, "default");
        Fields.dropIfEmpty(item, "defaultRequest");
    }

    /** The selector and the object's labels come from the template's labels when empty; one replica by default. */
    private static void replicationController(Map<String, Object> controller) {
        Map<String, Object> spec = Fields.objectOrNew(controller, "spec");
        Map<String, Object> labels =
                Fields.object(Fields.object(Fields.object(spec, "template"), "metadata"), "labels");
        if (labels != null) {
            if (Fields.isZero(spec.get("selector"))) {
                spec.put("selector", new LinkedHashMap<>(labels));
            }
            Map<String, Object> metadata = Fields.objectOrNew(controller, "metadata");
            if (Fields.isZero(metadata.get("labels"))) {
                metadata.put("labels", new LinkedHashMap<>(labels));
            }
        }
        Fields.defaultPointer(spec, "replicas", 1);
    }
}
