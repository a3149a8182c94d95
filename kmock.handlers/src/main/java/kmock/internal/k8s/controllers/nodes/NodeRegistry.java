package kmock.internal.k8s.controllers.nodes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kmock.handlers.Controllers;
import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;

/**
 * The simulated nodes as their kubelets register them: Node objects with the usual labels, a pod CIDR, capacity,
 * addresses, node info and a {@code Ready} condition, for the configured nodes at start and for any Node a client
 * creates later; and the addresses of their pods.
 */
final class NodeRegistry {

    private static final String VERSION = "v1.32.4";

    private final ClusterClient cluster;
    private final Map<String, Integer> indexes = new ConcurrentHashMap<>();
    private final Map<String, Integer> nextHost = new ConcurrentHashMap<>();

    NodeRegistry(ClusterClient cluster) {
        this.cluster = cluster;
    }

    /** Registers the configured nodes that are not there yet. */
    void registerConfigured() {
        for (Controllers.Node node : cluster.settings().nodes()) {
            if (cluster.get(Kinds.NODES, null, node.name()) == null) {
                cluster.create(Kinds.NODES, null, node(node.name(), node.labels()), Manager.KUBELET);
            }
        }
    }

    /** Fills a Node a client created without the kubelet's status. */
    void complete(ObjectKey key) {
        Map<String, Object> node = cluster.get(key);
        if (node == null || Tree.deleting(node) || Conditions.find(Tree.map(node.get("status")), "Ready") != null) {
            return;
        }
        Map<String, Object> registered = node(key.name(), Map.of());
        cluster.update(
                key,
                edited -> {
                    Map<String, Object> meta = Tree.child(edited, "metadata");
                    Map<String, Object> labels = Tree.child(meta, "labels");
                    Tree.labels(registered).forEach(labels::putIfAbsent);
                    Map<String, Object> spec = Tree.child(edited, "spec");
                    Tree.map(registered.get("spec")).forEach(spec::putIfAbsent);
                },
                Manager.KUBELET);
        cluster.updateStatus(key, edited -> edited.put("status", registered.get("status")), Manager.KUBELET);
    }

    /** Whether the kubelet of a node runs here: the Node exists and is not being deleted. */
    boolean runs(String node) {
        Map<String, Object> found = node == null ? null : cluster.get(Kinds.NODES, null, node);
        return found != null && !Tree.deleting(found);
    }

    /** The IP of a node: 172.18.0.(index + 2). */
    String hostIp(String node) {
        return "172.18.0." + (2 + index(node) % 250);
    }

    /** A new pod IP on a node: from its pod CIDR, 10.244.(index).0/24, in turn. */
    String nextPodIp(String node) {
        int host = nextHost.merge(node, 1, (a, b) -> a % 253 + 1);
        return "10.244." + index(node) % 256 + "." + (host + 1);
    }

    private int index(String node) {
        return indexes.computeIfAbsent(node, n -> indexes.size());
    }

    private Map<String, Object> node(String name, Map<String, String> extraLabels) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("beta.kubernetes.io/arch", "amd64");
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("kubernetes.io/hostname", name);
        labels.put("kubernetes.io/os", "linux");
        labels.putAll(extraLabels);
        Map<String, Object> annotations = Tree.object(
                "node.alpha.kubernetes.io/ttl", "0", "volumes.kubernetes.io/controller-managed-attach-detach", "true");
        String cidr = "10.244." + index(name) % 256 + ".0/24";
        Map<String, Object> spec = Tree.object(
                "podCIDR", cidr, "podCIDRs", new ArrayList<>(List.of(cidr)), "providerID", "kmock://" + name);
        Map<String, Object> resources = Tree.object(
                "cpu",
                "8",
                "ephemeral-storage",
                "100Gi",
                "hugepages-1Gi",
                "0",
                "hugepages-2Mi",
                "0",
                "memory",
                "32Gi",
                "pods",
                "110");
        String now = cluster.timestamp();
        List<Object> conditions = new ArrayList<>();
        conditions.add(condition(
                "MemoryPressure",
                "False",
                "KubeletHasSufficientMemory",
                "kubelet has sufficient memory available",
                now));
        conditions.add(
                condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now));
        conditions.add(condition(
                "PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now));
        conditions.add(condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now));
        String machine = Images.sha256("machine/" + name).substring(0, 32);
        Map<String, Object> status = Tree.object(
                "addresses",
                new ArrayList<>(List.of(
                        Tree.object("type", "InternalIP", "address", hostIp(name)),
                        Tree.object("type", "Hostname", "address", name))),
                "allocatable",
                resources,
                "capacity",
                Tree.copy(resources),
                "conditions",
                conditions,
                "daemonEndpoints",
                Tree.object("kubeletEndpoint", Tree.object("Port", 10250)),
                "nodeInfo",
                Tree.object(
                        "architecture",
                        "amd64",
                        "bootID",
                        Images.sha256("boot/" + name).substring(0, 32),
                        "containerRuntimeVersion",
                        "containerd://1.7.24",
                        "kernelVersion",
                        "6.8.0-kmock",
                        "kubeProxyVersion",
                        VERSION,
                        "kubeletVersion",
                        VERSION,
                        "machineID",
                        machine,
                        "operatingSystem",
                        "linux",
                        "osImage",
                        "KMock simulated node",
                        "systemUUID",
                        machine));
        return Tree.object(
                "apiVersion",
                "v1",
                "kind",
                "Node",
                "metadata",
                Tree.object("name", name, "labels", labels, "annotations", annotations),
                "spec",
                spec,
                "status",
                status);
    }

    private static Map<String, Object> condition(
            String type, String status, String reason, String message, String now) {
        return Tree.object(
                "type",
                type,
                "status",
                status,
                "lastHeartbeatTime",
                now,
                "lastTransitionTime",
                now,
                "reason",
                reason,
                "message",
                message);
    }
}
