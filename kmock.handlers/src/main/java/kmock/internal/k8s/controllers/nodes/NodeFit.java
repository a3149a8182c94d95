package kmock.internal.k8s.controllers.nodes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.LabelSelectors;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.schema.Quantity;

/**
 * The scheduler's filters: whether a pod fits a node (ready, schedulable, taints tolerated, node selector and
 * required node affinity, CPU, memory and pod count), and when not, the reason the scheduler reports. The DaemonSet
 * controller asks the same questions of the node selector and the taints.
 */
public final class NodeFit {

    private NodeFit() {}

    /** Why a pod does not fit a node, as the scheduler counts it; {@code null} when it fits. */
    static String misfit(Map<String, Object> pod, Map<String, Object> node, List<Map<String, Object>> podsOnNode) {
        Map<String, Object> spec = Tree.map(pod.get("spec"));
        if (Tree.deleting(node) || !Conditions.isTrue(Tree.map(node.get("status")), "Ready")) {
            return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }";
        }
        if (Tree.isTrue(node, "spec", "unschedulable")
                && !tolerates(spec, "node.kubernetes.io/unschedulable", null, "NoSchedule")) {
            return "node(s) were unschedulable";
        }
        for (Object item : Tree.list(Tree.at(node, "spec", "taints"))) {
            Map<String, Object> taint = Tree.map(item);
            String effect = String.valueOf(taint.get("effect"));
            if ((effect.equals("NoSchedule") || effect.equals("NoExecute")) && !tolerates(spec, taint)) {
                return "node(s) had untolerated taint {" + taint.get("key") + ": " + Tree.stringOr(taint, "", "value")
                        + "}";
            }
        }
        if (!selects(spec, node)) {
            return "node(s) didn't match Pod's node affinity/selector";
        }
        Map<String, Object> allocatable = Tree.map(Tree.at(node, "status", "allocatable"));
        if (podsOnNode.size() + 1
                > quantity(allocatable.getOrDefault("pods", "110")).longValue()) {
            return "Too many pods";
        }
        for (String resource : List.of("cpu", "memory")) {
            BigDecimal requested = requests(pod, resource);
            if (requested.signum() == 0 || !allocatable.containsKey(resource)) {
                continue;
            }
            BigDecimal used = BigDecimal.ZERO;
            for (Map<String, Object> other : podsOnNode) {
                used = used.add(requests(other, resource));
            }
            if (used.add(requested).compareTo(quantity(allocatable.get(resource))) > 0) {
                return "Insufficient " + resource;
            }
        }
        return null;
    }

    /** Whether the pod counts against a node's capacity: bound there and not finished. */
    static boolean occupies(Map<String, Object> pod, String node) {
        return node.equals(Pods.node(pod)) && !Pods.terminal(pod);
    }

    /** Whether a pod spec's node selector and required node affinity select a node. */
    public static boolean selects(Map<String, Object> spec, Map<String, Object> node) {
        Map<String, String> labels = Tree.labels(node);
        for (Map.Entry<String, Object> entry :
                Tree.map(spec.get("nodeSelector")).entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        List<Object> terms = Tree.list(Tree.at(
                spec,
                "affinity",
                "nodeAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution",
                "nodeSelectorTerms"));
        if (terms.isEmpty()) {
            return true;
        }
        Map<String, Object> fields = Tree.object("metadata.name", Tree.name(node));
        for (Object item : terms) {
            Map<String, Object> term = Tree.map(item);
            boolean all = !Tree.list(term.get("matchExpressions")).isEmpty()
                    || !Tree.list(term.get("matchFields")).isEmpty();
            for (Object expression : Tree.list(term.get("matchExpressions"))) {
                all &= LabelSelectors.requirement(Tree.map(expression), labels);
            }
            for (Object expression : Tree.list(term.get("matchFields"))) {
                all &= LabelSelectors.requirement(Tree.map(expression), fields);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Whether a pod spec tolerates a node's taint. */
    public static boolean tolerates(Map<String, Object> spec, Map<String, Object> taint) {
        return tolerates(
                spec, (String) taint.get("key"), (String) taint.get("value"), String.valueOf(taint.get("effect")));
    }

    private static boolean tolerates(Map<String, Object> spec, String key, String value, String effect) {
        for (Object item : Tree.list(spec.get("tolerations"))) {
            Map<String, Object> toleration = Tree.map(item);
            Object tolerated = toleration.get("effect");
            if (tolerated != null && !"".equals(tolerated) && !effect.equals(tolerated)) {
                continue;
            }
            Object tolerationKey = toleration.get("key");
            if ("Exists".equals(toleration.get("operator"))) {
                if (tolerationKey == null || "".equals(tolerationKey) || tolerationKey.equals(key)) {
                    return true;
                }
            } else if (key != null
                    && key.equals(tolerationKey)
                    && Tree.stringOr(toleration, "", "value").equals(value == null ? "" : value)) {
                return true;
            }
        }
        return false;
    }

    /** A pod's request of a resource: its containers' sum, or its largest init container's if that is more. */
    /** The value of a quantity (a string or a number); zero when it is absent or unreadable. */
    private static BigDecimal quantity(Object text) {
        Quantity quantity = Quantity.parse(text);
        return quantity == null ? BigDecimal.ZERO : quantity.value();
    }

    private static BigDecimal requests(Map<String, Object> pod, String resource) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Object container : Tree.list(Tree.at(pod, "spec", "containers"))) {
            sum = sum.add(quantity(Tree.at(Tree.map(container), "resources", "requests", resource)));
        }
        for (Object container : Tree.list(Tree.at(pod, "spec", "initContainers"))) {
            BigDecimal init = quantity(Tree.at(Tree.map(container), "resources", "requests", resource));
            sum = init.compareTo(sum) > 0 ? init : sum;
        }
        return sum;
    }
}
