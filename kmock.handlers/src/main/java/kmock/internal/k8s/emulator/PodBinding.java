package kmock.internal.k8s.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * A pod's {@code binding} subresource as the API server's binding storage writes it: the pod gets its node in
 * {@code spec.nodeName}, the binding's annotations, and a {@code PodScheduled=True} condition; a pod that already has
 * a node is a 409, and a pod being deleted cannot be bound.
 */
public final class PodBinding {

    private PodBinding() {}

    /**
     * Binds a mutable copy of a pod to a node and returns it.
     *
     * @param now the timestamp of the condition's transition
     * @throws KubernetesException 409 when the pod is assigned already or being deleted
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> bind(
            Map<String, Object> pod, String node, Map<String, ?> annotations, String now) {
        Map<String, Object> meta = (Map<String, Object>) pod.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
        String name = String.valueOf(meta.get("name"));
        if (meta.get("deletionTimestamp") != null) {
            throw new KubernetesException(
                    Reason.CONFLICT,
                    "Operation cannot be fulfilled on pods/binding \"" + name + "\": pod " + name
                            + " is being deleted, cannot be assigned to a host");
        }
        Map<String, Object> spec = pod.get("spec") instanceof Map<?, ?> s
                ? new LinkedHashMap<>((Map<String, Object>) s)
                : new LinkedHashMap<>();
        if (spec.get("nodeName") instanceof String assigned && !assigned.isEmpty()) {
            throw new KubernetesException(
                    Reason.CONFLICT,
                    "Operation cannot be fulfilled on pods/binding \"" + name + "\": pod " + name
                            + " is already assigned to node \"" + assigned + "\"");
        }
        spec.put("nodeName", node);
        pod.put("spec", spec);
        if (annotations != null && !annotations.isEmpty()) {
            Map<String, Object> merged = meta.get("annotations") instanceof Map<?, ?> a
                    ? new LinkedHashMap<>((Map<String, Object>) a)
                    : new LinkedHashMap<>();
            merged.putAll(annotations);
            meta.put("annotations", merged);
        }
        Map<String, Object> status = pod.get("status") instanceof Map<?, ?> s
                ? new LinkedHashMap<>((Map<String, Object>) s)
                : new LinkedHashMap<>();
        List<Object> conditions =
                status.get("conditions") instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        conditions.removeIf(c -> c instanceof Map<?, ?> condition && "PodScheduled".equals(condition.get("type")));
        Map<String, Object> scheduled = new LinkedHashMap<>();
        scheduled.put("type", "PodScheduled");
        scheduled.put("status", "True");
        scheduled.put("lastProbeTime", null);
        scheduled.put("lastTransitionTime", now);
        conditions.add(scheduled);
        status.put("conditions", conditions);
        pod.put("status", status);
        return pod;
    }
}
