package kmock.internal.k8s.strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import kmock.api.Resource;
import kmock.internal.k8s.defaults.Fields;
import kmock.internal.k8s.store.JsonTree;

/**
 * What a Service's registry does besides its strategy (pkg/registry/core/service/storage, Kubernetes 1.32, on a
 * single-stack IPv4 cluster): IP family fields, a cluster IP unique in the emulator, node ports for
 * {@code NodePort} and {@code LoadBalancer} Services and a health check port for {@code Local} load balancers. An
 * update keeps the values a client leaves out, allocates what a new type needs and drops what the old type had
 * set automatically. A requested IP or port that is taken or out of range is a 422, as from the API server.
 */
final class ServiceAllocation implements KindHook {

    /** The Service kind's steps. */
    static final KindHook HOOK = new ServiceAllocation();

    private static final Resource SERVICES = new Resource("", "v1", "services");

    private ServiceAllocation() {}

    @Override
    public void prepareForCreate(Cluster cluster, Map<String, Object> service, Object givenStatus) {
        Map<String, Object> spec = Fields.objectOrNew(service, "spec");
        String clusterIp = Fields.string(spec, "clusterIP");
        if (!clusterIp.isEmpty() && Fields.list(spec, "clusterIPs").isEmpty()) {
            spec.put("clusterIPs", Fields.listOf(clusterIp));
        }
        allocate(cluster, service, null);
    }

    @Override
    public void prepareForUpdate(Cluster cluster, Map<String, Object> current, Map<String, Object> service) {
        Map<String, Object> before = Fields.objectOrNew(JsonTree.copyMap(current), "spec");
        Map<String, Object> spec = Fields.objectOrNew(service, "spec");
        dropTypeDependentFields(before, spec);
        patchAllocatedValues(before, spec);
        if (!Objects.equals(before.get("clusterIP"), spec.get("clusterIP"))
                && Fields.list(spec, "clusterIPs").size() <= 1
                && !Fields.string(spec, "clusterIP").isEmpty()) {
            spec.put("clusterIPs", Fields.listOf(spec.get("clusterIP")));
        }
        allocate(cluster, service, before);
    }

    /** IP families, cluster IPs and node ports, for a create ({@code before == null}) or an update. */
    private static void allocate(Cluster cluster, Map<String, Object> service, Map<String, Object> before) {
        Map<String, Object> spec = Fields.object(service, "spec");
        String type = Fields.string(spec, "type");
        if (type.equals("ExternalName")) {
            return;
        }
        Taken taken = taken(cluster, service);
        ipFamilies(service, spec, before);
        List<Object> ips = new ArrayList<>(Fields.list(spec, "clusterIPs"));
        if (ips.isEmpty() || !"None".equals(ips.get(0))) {
            if (ips.isEmpty()) {
                String ip = ServiceRanges.nextIp(cluster.random(), taken.ips());
                ips.add(ip);
            } else if (before == null || !ips.equals(Fields.list(before, "clusterIPs"))) {
                String ip = String.valueOf(ips.get(0));
                int offset = ServiceRanges.offset(ip);
                String detail = offset < 0
                        ? "the provided IP (" + ip + ") is not in the valid range. The range of valid IPs is "
                                + ServiceRanges.CIDR
                        : ServiceRanges.ipTaken(offset, taken.ips()) ? "provided IP is already allocated" : null;
                if (detail != null) {
                    throw ServiceRanges.invalid(
                            service, "spec.clusterIPs", ips, "failed to allocate IP " + ip + ": " + detail);
                }
            }
            spec.put("clusterIPs", ips);
            spec.put("clusterIP", ips.get(0));
        }
        boolean nodePorts = type.equals("NodePort") || type.equals("LoadBalancer");
        boolean allocateNew = type.equals("NodePort")
                || (type.equals("LoadBalancer") && !Boolean.FALSE.equals(spec.get("allocateLoadBalancerNodePorts")));
        if (nodePorts) {
            nodePorts(cluster, service, spec, allocateNew, taken, before);
        }
        if (type.equals("LoadBalancer")
                && "Local".equals(spec.get("externalTrafficPolicy"))
                && Fields.isZero(spec.get("healthCheckNodePort"))) {
            spec.put("healthCheckNodePort", ServiceRanges.nextPort(cluster.random(), taken.ports()));
        }
    }

    /**
     * The policy (the old one on update, else {@code RequireDualStack} for a headless Service without selector,
     * else {@code SingleStack}) and the families (from the cluster IPs, else IPv4; a headless selectorless Service
     * not single-stack gets both).
     */
    private static void ipFamilies(Map<String, Object> service, Map<String, Object> spec, Map<String, Object> before) {
        boolean headlessSelectorless = "None".equals(spec.get("clusterIP")) && Fields.isZero(spec.get("selector"));
        if (spec.get("ipFamilyPolicy") == null) {
            spec.put(
                    "ipFamilyPolicy",
                    before != null && before.get("ipFamilyPolicy") != null
                            ? before.get("ipFamilyPolicy")
                            : headlessSelectorless ? "RequireDualStack" : "SingleStack");
        }
        List<Object> families = new ArrayList<>(Fields.list(spec, "ipFamilies"));
        List<Object> ips = Fields.list(spec, "clusterIPs");
        for (int i = families.size(); i < ips.size() && !"None".equals(ips.get(i)); i++) {
            if (String.valueOf(ips.get(i)).contains(":")) {
                throw ServiceRanges.invalid(
                        service, "spec.clusterIPs[" + i + "]", ips, "IPv6 is not configured on this cluster");
            }
            families.add("IPv4");
        }
        if (families.isEmpty()) {
            families.add("IPv4");
        }
        boolean single = "SingleStack".equals(spec.get("ipFamilyPolicy"));
        if (headlessSelectorless) {
            if (families.size() < 2 && !single) {
                families.add("IPv4".equals(families.get(0)) ? "IPv6" : "IPv4");
            }
        } else {
            if ("RequireDualStack".equals(spec.get("ipFamilyPolicy"))) {
                throw ServiceRanges.invalid(
                        service,
                        "spec.ipFamilyPolicy",
                        "RequireDualStack",
                        "this cluster is not configured for dual-stack services");
            }
            for (int i = 0; i < families.size(); i++) {
                if (!"IPv4".equals(families.get(i))) {
                    throw ServiceRanges.invalid(
                            service, "spec.ipFamilies[" + i + "]", families.get(i), "not configured on this cluster");
                }
            }
        }
        spec.put("ipFamilies", families);
    }

    /** Ports with the same port number share a node port; a requested one must be free and in range. */
    private static void nodePorts(
            Cluster cluster,
            Map<String, Object> service,
            Map<String, Object> spec,
            boolean allocateNew,
            Taken taken,
            Map<String, Object> before) {
        Set<Integer> own = before == null ? Set.of() : nodePortsOf(before);
        Map<Object, Integer> byPort = new HashMap<>();
        List<Map<String, Object>> ports = Fields.objects(spec, "ports");
        for (int i = 0; i < ports.size(); i++) {
            Map<String, Object> port = ports.get(i);
            Integer shared = byPort.get(port.get("port"));
            if (shared != null) {
                if (Fields.isZero(port.get("nodePort"))) {
                    port.put("nodePort", shared);
                }
                continue;
            }
            int requested = requestedNodePort(ports, i);
            if (requested != 0) {
                if (!own.contains(requested)) {
                    String detail = requested < ServiceRanges.FIRST_PORT || requested > ServiceRanges.LAST_PORT
                            ? "provided port is not in the valid range. The range of valid ports is "
                                    + ServiceRanges.FIRST_PORT + "-" + ServiceRanges.LAST_PORT
                            : taken.ports().contains(requested) ? "provided port is already allocated" : null;
                    if (detail != null) {
                        throw ServiceRanges.invalid(service, "spec.ports[" + i + "].nodePort", requested, detail);
                    }
                }
                taken.ports().add(requested);
                port.put("nodePort", requested);
                byPort.put(port.get("port"), requested);
            } else if (allocateNew) {
                int allocated = ServiceRanges.nextPort(cluster.random(), taken.ports());
                taken.ports().add(allocated);
                port.put("nodePort", allocated);
                byPort.put(port.get("port"), allocated);
            }
        }
    }

    /** The first node port asked for by a port with the same port number, from this one on. */
    private static int requestedNodePort(List<Map<String, Object>> ports, int from) {
        Object number = ports.get(from).get("port");
        for (int i = from; i < ports.size(); i++) {
            if (Objects.equals(ports.get(i).get("port"), number)
                    && ports.get(i).get("nodePort") instanceof Number port
                    && port.intValue() != 0) {
                return port.intValue();
            }
        }
        return 0;
    }

    /** On update, the values a client leaves out are the allocated ones, where the type still needs them. */
    private static void patchAllocatedValues(Map<String, Object> before, Map<String, Object> spec) {
        if (!"ExternalName".equals(before.get("type")) && !"ExternalName".equals(spec.get("type"))) {
            if (Fields.isZero(spec.get("clusterIP")) && !Fields.isZero(before.get("clusterIP"))) {
                spec.put("clusterIP", before.get("clusterIP"));
            }
            if (Fields.list(spec, "clusterIPs").isEmpty()
                    && !Fields.list(before, "clusterIPs").isEmpty()) {
                spec.put("clusterIPs", new ArrayList<>(Fields.list(before, "clusterIPs")));
            }
        }
        if (needsNodePorts(before) && needsNodePorts(spec)) {
            Set<Integer> stillUsed = nodePortsOf(before);
            stillUsed.retainAll(nodePortsOf(spec));
            Map<Object, Object> byName = new HashMap<>();
            Fields.objects(before, "ports")
                    .forEach(port -> byName.put(Fields.string(port, "name"), port.get("nodePort")));
            for (Map<String, Object> port : Fields.objects(spec, "ports")) {
                Object old = byName.get(Fields.string(port, "name"));
                if (Fields.isZero(port.get("nodePort"))
                        && old instanceof Number number
                        && !stillUsed.contains(number.intValue())) {
                    port.put("nodePort", old);
                }
            }
        }
        if (needsHealthCheck(before) && needsHealthCheck(spec) && Fields.isZero(spec.get("healthCheckNodePort"))) {
            spec.put("healthCheckNodePort", before.get("healthCheckNodePort"));
        }
    }

    /** A type change drops what the old type needed and the client left unchanged. */
    private static void dropTypeDependentFields(Map<String, Object> before, Map<String, Object> spec) {
        if (!"ExternalName".equals(before.get("type")) && "ExternalName".equals(spec.get("type"))) {
            if (Objects.equals(before.get("clusterIP"), spec.get("clusterIP"))
                    && JsonTree.same(before.get("clusterIPs"), spec.get("clusterIPs"))) {
                spec.remove("clusterIP");
                spec.remove("clusterIPs");
            }
            if (JsonTree.same(before.get("ipFamilies"), spec.get("ipFamilies"))) {
                spec.remove("ipFamilies");
            }
            if (Objects.equals(before.get("ipFamilyPolicy"), spec.get("ipFamilyPolicy"))) {
                spec.remove("ipFamilyPolicy");
            }
        }
        if (needsNodePorts(before)
                && !needsNodePorts(spec)
                && nodePortsOf(before).equals(nodePortsOf(spec))) {
            Fields.objects(spec, "ports").forEach(port -> port.remove("nodePort"));
        }
        if (needsHealthCheck(before)
                && !needsHealthCheck(spec)
                && Objects.equals(before.get("healthCheckNodePort"), spec.get("healthCheckNodePort"))) {
            spec.remove("healthCheckNodePort");
        }
        if ("LoadBalancer".equals(before.get("type"))
                && !"LoadBalancer".equals(spec.get("type"))
                && Objects.equals(
                        before.get("allocateLoadBalancerNodePorts"), spec.get("allocateLoadBalancerNodePorts"))) {
            spec.remove("allocateLoadBalancerNodePorts");
        }
        if (externallyAccessible(before)
                && !externallyAccessible(spec)
                && Objects.equals(before.get("externalTrafficPolicy"), spec.get("externalTrafficPolicy"))) {
            spec.remove("externalTrafficPolicy");
        }
        if ("ExternalName".equals(spec.get("type"))) {
            spec.remove("internalTrafficPolicy");
        }
    }

    private static boolean needsNodePorts(Map<String, Object> spec) {
        return "NodePort".equals(spec.get("type")) || "LoadBalancer".equals(spec.get("type"));
    }

    private static boolean needsHealthCheck(Map<String, Object> spec) {
        return "LoadBalancer".equals(spec.get("type")) && "Local".equals(spec.get("externalTrafficPolicy"));
    }

    private static boolean externallyAccessible(Map<String, Object> spec) {
        return needsNodePorts(spec)
                || ("ClusterIP".equals(spec.get("type"))
                        && !Fields.list(spec, "externalIPs").isEmpty());
    }

    private static Set<Integer> nodePortsOf(Map<String, Object> spec) {
        Set<Integer> ports = new HashSet<>();
        for (Map<String, Object> port : Fields.objects(spec, "ports")) {
            if (port.get("nodePort") instanceof Number number && number.intValue() != 0) {
                ports.add(number.intValue());
            }
        }
        return ports;
    }

    /** The cluster IPs (as offsets) and node ports of every other live Service. */
    private record Taken(Set<Integer> ips, Set<Integer> ports) {}

    private static Taken taken(Cluster cluster, Map<String, Object> service) {
        Map<String, Object> meta = Fields.object(service, "metadata");
        Set<Integer> ips = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (Map<String, Object> other : cluster.live(SERVICES)) {
            Map<String, Object> otherMeta = Fields.object(other, "metadata");
            if (Fields.string(otherMeta, "name").equals(Fields.string(meta, "name"))
                    && Fields.string(otherMeta, "namespace").equals(Fields.string(meta, "namespace"))) {
                continue;
            }
            Map<String, Object> spec = Fields.object(other, "spec");
            for (Object ip : Fields.list(spec, "clusterIPs")) {
                ips.add(ServiceRanges.offset(String.valueOf(ip)));
            }
            ports.addAll(spec == null ? Set.of() : nodePortsOf(spec));
            if (spec != null && spec.get("healthCheckNodePort") instanceof Number port) {
                ports.add(port.intValue());
            }
        }
        return new Taken(ips, ports);
    }
}
