package kmock.handlers;

import static kmock.handlers.ExpectedJson.at;
import static kmock.handlers.ExpectedJson.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.internal.json.Json;

/**
 * Services get what the API server's Service registry allocates (pkg/registry/core/service/storage, Kubernetes
 * 1.32) on a single-stack IPv4 cluster with kubeadm's service range: unique cluster IPs from 10.96.0.0/12, node
 * ports from 30000–32767, IP family fields; a taken or out-of-range value is a 422; an update keeps what the
 * client leaves out.
 */
@BothTransports
class EmulatorServicesTest {

    private static final String SERVICES = "/api/v1/namespaces/ns/services";

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
    }

    private static String service(String name, String spec) {
        return "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"" + name + "\"}, \"spec\": {"
                + spec + "}}";
    }

    private Map<?, ?> create(String name, String spec) {
        KResponse created = kmock.post(SERVICES, parse(service(name, spec)));
        assertEquals(201, created.status(), created.text());
        return (Map<?, ?>) created.json();
    }

    @Test
    void servicesGetDistinctClusterIps() {
        String first = at(create("a", "\"ports\": [{\"port\": 80}]"), "spec", "clusterIP");
        String second = at(create("b", "\"ports\": [{\"port\": 80}]"), "spec", "clusterIP");
        assertNotEquals(first, second);
    }

    @Test
    void aRequestedClusterIpIsKeptAndCannotBeTakenTwice() {
        Map<?, ?> first = create("a", "\"clusterIP\": \"10.96.0.10\", \"ports\": [{\"port\": 53}]");
        assertEquals(List.of("10.96.0.10"), at(first, "spec", "clusterIPs"));
        KResponse refused =
                kmock.post(SERVICES, parse(service("b", "\"clusterIP\": \"10.96.0.10\", \"ports\": [{\"port\": 53}]")));
        assertEquals(422, refused.status(), refused.text());
        assertEquals(
                "Service \"b\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: "
                        + "failed to allocate IP 10.96.0.10: provided IP is already allocated",
                at(refused.json(), "message"));
        assertEquals(
                List.of(
                        Map.of(
                                "reason",
                                "FieldValueInvalid",
                                "field",
                                "spec.clusterIPs",
                                "message",
                                "Invalid value: []string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is already allocated")),
                at(refused.json(), "details", "causes"));
        assertEquals(404, kmock.get(SERVICES + "/b").status());
    }

    @Test
    void aClusterIpOutsideTheServiceRangeIsA422() {
        KResponse refused = kmock.post(
                SERVICES, parse(service("a", "\"clusterIP\": \"192.168.0.1\", \"ports\": [{\"port\": 80}]")));
        assertEquals(422, refused.status(), refused.text());
        assertEquals(
                "Service \"a\" is invalid: spec.clusterIPs: Invalid value: []string{\"192.168.0.1\"}: failed to allocate IP "
                        + "192.168.0.1: the provided IP (192.168.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12",
                at(refused.json(), "message"));
    }

    @Test
    void aNodePortServiceGetsANodePortAndAnExternalTrafficPolicy() {
        Map<?, ?> spec = (Map<?, ?>) create("a", "\"type\": \"NodePort\", \"ports\": [{\"port\": 80}]")
                .get("spec");
        int nodePort = at(spec, "ports", "0", "nodePort");
        assertTrue(nodePort >= 30000 && nodePort <= 32767, nodePort + " is a node port");
        assertEquals("Cluster", spec.get("externalTrafficPolicy"));
    }

    @Test
    void aTakenNodePortIsA422() {
        create("a", "\"type\": \"NodePort\", \"ports\": [{\"port\": 80, \"nodePort\": 30080}]");
        KResponse refused = kmock.post(
                SERVICES,
                parse(service("b", "\"type\": \"NodePort\", \"ports\": [{\"port\": 80, \"nodePort\": 30080}]")));
        assertEquals(422, refused.status(), refused.text());
        assertEquals(
                "Service \"b\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated",
                at(refused.json(), "message"));
    }

    @SuppressWarnings(
            "cast") // the (Object) cast javac calls redundant picks assertEquals(Object, Object) for a generic at(...)
    @Test
    void portsWithOneNumberShareTheirNodePort() {
        Map<?, ?> spec = (Map<?, ?>) create(
                        "dns",
                        "\"type\": \"NodePort\", \"ports\": [{\"name\": \"udp\", \"port\": 53, \"protocol\": \"UDP\"},"
                                + " {\"name\": \"tcp\", \"port\": 53}]")
                .get("spec");
        assertEquals((Object) at(spec, "ports", "0", "nodePort"), at(spec, "ports", "1", "nodePort"));
    }

    @Test
    void aLocalLoadBalancerGetsAHealthCheckNodePort() {
        Map<?, ?> spec = (Map<?, ?>) create(
                        "lb",
                        "\"type\": \"LoadBalancer\", \"externalTrafficPolicy\": \"Local\", "
                                + "\"ports\": [{\"port\": 443}]")
                .get("spec");
        assertEquals(true, spec.get("allocateLoadBalancerNodePorts"));
        assertTrue(spec.get("healthCheckNodePort") instanceof Integer port && port >= 30000, String.valueOf(spec));
        assertTrue(at(spec, "ports", "0", "nodePort") instanceof Integer);
    }

    @Test
    void aHeadlessServiceHasNoClusterIp() {
        Map<?, ?> spec = (Map<?, ?>)
                create("h", "\"clusterIP\": \"None\", \"selector\": {\"app\": \"h\"}, \"ports\": [{\"port\": 80}]")
                        .get("spec");
        assertEquals("None", spec.get("clusterIP"));
        assertEquals(List.of("None"), spec.get("clusterIPs"));
        assertEquals(List.of("IPv4"), spec.get("ipFamilies"));
        assertEquals("SingleStack", spec.get("ipFamilyPolicy"));
    }

    @Test
    void aHeadlessServiceWithoutSelectorRequiresBothFamilies() {
        Map<?, ?> spec = (Map<?, ?>) create("h", "\"clusterIP\": \"None\", \"ports\": [{\"port\": 80}]")
                .get("spec");
        assertEquals(List.of("IPv4", "IPv6"), spec.get("ipFamilies"));
        assertEquals("RequireDualStack", spec.get("ipFamilyPolicy"));
    }

    @Test
    void anExternalNameServiceGetsNoIpFields() {
        Map<?, ?> spec = (Map<?, ?>) create("x", "\"type\": \"ExternalName\", \"externalName\": \"example.com\"")
                .get("spec");
        assertEquals(Map.of("type", "ExternalName", "externalName", "example.com", "sessionAffinity", "None"), spec);
    }

    @SuppressWarnings(
            "cast") // the (Object) cast javac calls redundant picks assertEquals(Object, Object) for a generic at(...)
    @Test
    void aReplaceWithoutTheAllocatedValuesKeepsThem() {
        Map<?, ?> created = create("a", "\"type\": \"NodePort\", \"ports\": [{\"name\": \"http\", \"port\": 80}]");
        Map<String, Object> body =
                parse(service("a", "\"type\": \"NodePort\", \"ports\": [{\"name\": \"http\", \"port\": 8080}]"));
        KResponse replaced = kmock.put(SERVICES + "/a", body);
        assertEquals(200, replaced.status(), replaced.text());
        assertEquals((Object) at(created, "spec", "clusterIP"), at(replaced.json(), "spec", "clusterIP"));
        assertEquals(
                (Object) at(created, "spec", "ports", "0", "nodePort"),
                at(replaced.json(), "spec", "ports", "0", "nodePort"));
        assertEquals(8080, (int) at(replaced.json(), "spec", "ports", "0", "targetPort"));
    }

    @SuppressWarnings(
            "cast") // the (Object) cast javac calls redundant picks assertEquals(Object, Object) for a generic at(...)
    @Test
    void turningANodePortServiceIntoAClusterIpServiceDropsItsNodePorts() {
        Map<?, ?> created = create("a", "\"type\": \"NodePort\", \"ports\": [{\"port\": 80}]");
        Map<String, Object> body = parse(Json.toText(created));
        ExpectedJson.<Map<String, Object>>at(body, "spec").put("type", "ClusterIP");
        KResponse replaced = kmock.put(SERVICES + "/a", body);
        assertEquals(200, replaced.status(), replaced.text());
        assertFalse(((Map<?, ?>) at(replaced.json(), "spec", "ports", "0")).containsKey("nodePort"));
        assertFalse(((Map<?, ?>) at(replaced.json(), "spec")).containsKey("externalTrafficPolicy"));
        assertEquals((Object) at(created, "spec", "clusterIP"), at(replaced.json(), "spec", "clusterIP"));
    }
}
