package kmock.internal.k8s.controllers.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.LabelSelectors;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;

/**
 * The endpoints of a Service as both endpoint controllers see them: its selected pods that have an address (ready,
 * serving, terminating), and its ports with target ports resolved against the pods' named container ports.
 */
final class ServiceEndpoints {

    private ServiceEndpoints() {}

    /** The pods a Service's selector selects that have an IP and have not finished, by name. */
    static List<Map<String, Object>> pods(ClusterClient cluster, Map<String, Object> service) {
        Map<String, Object> selector = Tree.map(Tree.at(service, "spec", "selector"));
        return cluster.list(
                Kinds.PODS,
                Tree.namespace(service),
                pod -> LabelSelectors.matchesPlain(selector, Tree.labels(pod))
                        && Pods.ip(pod) != null
                        && !Pods.terminal(pod));
    }

    /** Whether a pod counts as ready for the Service ({@code publishNotReadyAddresses} makes every pod ready). */
    static boolean ready(Map<String, Object> service, Map<String, Object> pod) {
        return !Tree.deleting(pod) && (Pods.ready(pod) || Tree.isTrue(service, "spec", "publishNotReadyAddresses"));
    }

    /** The Service's ports as endpoints carry them: name, the target port resolved on the pods, protocol. */
    static List<Object> ports(Map<String, Object> service, List<Map<String, Object>> pods, boolean slice) {
        List<Object> ports = new ArrayList<>();
        for (Object item : Tree.list(Tree.at(service, "spec", "ports"))) {
            Map<String, Object> port = Tree.map(item);
            Object target = port.get("targetPort") == null ? port.get("port") : port.get("targetPort");
            Long number =
                    target instanceof Number n ? Long.valueOf(n.longValue()) : resolve(String.valueOf(target), pods);
            if (number == null) {
                continue;
            }
            Map<String, Object> endpointPort = Tree.object(
                    "name",
                    Tree.stringOr(port, "", "name"),
                    "port",
                    number,
                    "protocol",
                    Tree.stringOr(port, "TCP", "protocol"));
            if (port.get("appProtocol") != null) {
                endpointPort.put("appProtocol", port.get("appProtocol"));
            }
            if (!slice && "".equals(endpointPort.get("name"))) {
                endpointPort.remove("name");
            }
            ports.add(endpointPort);
        }
        return ports;
    }

    /** A pod's reference as endpoints carry it. */
    static Map<String, Object> targetRef(Map<String, Object> pod) {
        return Tree.object(
                "kind", "Pod", "namespace", Tree.namespace(pod), "name", Tree.name(pod), "uid", Tree.uid(pod));
    }

    /** The Service's labels, and the headless marker, for the objects that describe its endpoints. */
    static Map<String, Object> labels(Map<String, Object> service) {
        Map<String, Object> labels = Tree.copy(Tree.map(Tree.labels(service)));
        if ("None".equals(Tree.string(service, "spec", "clusterIP"))) {
            labels.put("service.kubernetes.io/headless", "");
        }
        return labels;
    }

    private static Long resolve(String name, List<Map<String, Object>> pods) {
        if (name.matches("\\d+")) {
            return Long.parseLong(name);
        }
        for (Map<String, Object> pod : pods) {
            for (Object container : Tree.list(Tree.at(pod, "spec", "containers"))) {
                for (Object item : Tree.list(Tree.map(container).get("ports"))) {
                    Map<String, Object> port = Tree.map(item);
                    if (name.equals(port.get("name")) && port.get("containerPort") instanceof Number number) {
                        return number.longValue();
                    }
                }
            }
        }
        return null;
    }
}
