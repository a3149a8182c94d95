package kmock.internal.k8s.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kmock.internal.k8s.defaults.Fields;
import kmock.internal.k8s.schema.Quantity;
import kmock.internal.k8s.store.StatusSubresource;

/**
 * A Pod's strategy (pkg/registry/core/pod/strategy.go, Kubernetes 1.32): a created Pod is {@code Pending} with its
 * QoS class computed from its containers' requests and limits (pkg/apis/core/helper/qos), and a Pod with
 * scheduling gates starts with a {@code PodScheduled=False} condition; a {@code /status} write keeps the spec and
 * the owner references, and cannot clear the QoS class.
 */
final class PodStatus implements KindHook {

    /** The Pod kind's steps. */
    static final KindHook HOOK = new PodStatus();

    private static final Set<String> QOS_RESOURCES = Set.of("cpu", "memory");

    private PodStatus() {}

    @Override
    public void prepareForCreate(Cluster cluster, Map<String, Object> pod, Object givenStatus) {
        Map<String, Object> status = Fields.objectOrNew(pod, "status");
        status.put("phase", "Pending");
        // The QoS class is computed before the status is reset, so a class the client gave is kept.
        Object given = givenStatus instanceof Map<?, ?> old ? old.get("qosClass") : null;
        status.put(
                "qosClass",
                given instanceof String text && !text.isEmpty() ? text : qosClass(Fields.object(pod, "spec")));
        if (!Fields.list(Fields.object(pod, "spec"), "schedulingGates").isEmpty()) {
            Map<String, Object> condition = new java.util.LinkedHashMap<>();
            condition.put("type", "PodScheduled");
            condition.put("status", "False");
            condition.put("reason", "SchedulingGated");
            condition.put("message", "Scheduling is blocked due to non-empty scheduling gates");
            status.put("conditions", new ArrayList<>(List.of(condition)));
        }
    }

    @Override
    public void prepareForStatusUpdate(Cluster cluster, Map<String, Object> current, Map<String, Object> pod) {
        Map<String, Object> kept = StatusSubresource.keepStored(current, pod, "metadata.ownerReferences");
        pod.clear();
        pod.putAll(kept);
        Object stored = Fields.string(Fields.object(current, "status"), "qosClass");
        if (Fields.string(Fields.object(pod, "status"), "qosClass").isEmpty() && !"".equals(stored)) {
            Fields.objectOrNew(pod, "status").put("qosClass", stored);
        }
    }

    /**
     * The QoS class: {@code BestEffort} when no container requests or limits CPU or memory, {@code Guaranteed}
     * when every container limits both and the summed requests equal the summed limits, else {@code Burstable}.
     * Init containers count; ephemeral containers cannot set resources.
     */
    static String qosClass(Map<String, Object> spec) {
        Map<String, BigDecimal> requests = new HashMap<>();
        Map<String, BigDecimal> limits = new HashMap<>();
        boolean guaranteed = true;
        List<Map<String, Object>> containers = new ArrayList<>(Fields.objects(spec, "containers"));
        containers.addAll(Fields.objects(spec, "initContainers"));
        for (Map<String, Object> container : containers) {
            Map<String, Object> resources = Fields.object(container, "resources");
            add(requests, Fields.object(resources, "requests"));
            Set<String> limited = add(limits, Fields.object(resources, "limits"));
            if (!limited.containsAll(QOS_RESOURCES)) {
                guaranteed = false;
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return "BestEffort";
        }
        if (guaranteed) {
            for (Map.Entry<String, BigDecimal> request : requests.entrySet()) {
                BigDecimal limit = limits.get(request.getKey());
                if (limit == null || limit.compareTo(request.getValue()) != 0) {
                    guaranteed = false;
                    break;
                }
            }
        }
        return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
    }

    /** Adds the positive CPU and memory quantities of a resource list to sums; returns the names added. */
    private static Set<String> add(Map<String, BigDecimal> sums, Map<String, Object> list) {
        Set<String> names = new HashSet<>();
        if (list == null) {
            return names;
        }
        for (Map.Entry<String, Object> entry : list.entrySet()) {
            Quantity quantity = Quantity.parse(entry.getValue());
            if (QOS_RESOURCES.contains(entry.getKey()) && quantity != null && quantity.positive()) {
                names.add(entry.getKey());
                sums.merge(entry.getKey(), quantity.value(), BigDecimal::add);
            }
        }
        return names;
    }
}
