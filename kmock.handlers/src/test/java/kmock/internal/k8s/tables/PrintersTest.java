package kmock.internal.k8s.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.internal.json.Json;

/** The cells of the built-in printers, custom columns and the default table, for objects as a cluster stores them. */
class PrintersTest {

    private static final Instant NOW = Instant.parse("2024-01-11T00:00:00Z");
    private static final String META = "\"metadata\":{\"name\":\"x\",\"creationTimestamp\":\"2024-01-01T00:00:00Z\"}";

    @SuppressWarnings("unchecked")
    private static List<Object> cells(String resource, String json) {
        Map<String, Object> object = (Map<String, Object>) Json.parse("{" + META + "," + json + "}");
        return Printers.of(Resource.parse(resource), null).cells(object, NOW);
    }

    private static List<String> headers(String resource) {
        return Printers.of(Resource.parse(resource), null).columns().stream()
                .map(Column::name)
                .toList();
    }

    @Test
    void aRunningPodCountsReadyContainersAndRestarts() {
        assertEquals(
                List.of("x", "1/2", "Running", "3 (2m ago)", "10d", "10.0.0.5", "node-1", "<none>", "<none>"),
                cells(
                        "v1/pods",
                        "\"spec\":{\"nodeName\":\"node-1\",\"containers\":[{\"name\":\"a\"},{\"name\":\"b\"}]},"
                                + "\"status\":{\"phase\":\"Running\",\"podIPs\":[{\"ip\":\"10.0.0.5\"}],\"containerStatuses\":["
                                + "{\"name\":\"a\",\"ready\":true,\"restartCount\":3,\"state\":{\"running\":{}},"
                                + "\"lastState\":{\"terminated\":{\"finishedAt\":\"2024-01-10T23:58:00Z\"}}},"
                                + "{\"name\":\"b\",\"ready\":false,\"state\":{\"running\":{}}}]}"));
    }

    @Test
    void podStatusShowsWaitingReasonsInitProgressAndTermination() {
        assertEquals(
                "CrashLoopBackOff",
                cells(
                                "v1/pods",
                                "\"spec\":{\"containers\":[{\"name\":\"a\"}]},\"status\":{"
                                        + "\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"a\",\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}}}]}")
                        .get(2));
        assertEquals(
                "Init:0/1",
                cells(
                                "v1/pods",
                                "\"spec\":{\"initContainers\":[{\"name\":\"i\"}],\"containers\":[{\"name\":\"a\"}]},"
                                        + "\"status\":{\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"i\",\"state\":{\"running\":{}}}]}")
                        .get(2));
        assertEquals(
                "Completed",
                cells(
                                "v1/pods",
                                "\"spec\":{\"containers\":[{\"name\":\"a\"}]},\"status\":{\"phase\":\"Succeeded\","
                                        + "\"containerStatuses\":[{\"name\":\"a\",\"state\":{\"terminated\":{\"reason\":\"Completed\",\"exitCode\":0}}}]}")
                        .get(2));
        assertEquals(
                "Terminating",
                cells(
                                "v1/pods",
                                "\"spec\":{\"containers\":[{\"name\":\"a\"}]},\"status\":{\"phase\":\"Running\"},"
                                        + "\"metadata\":{\"name\":\"x\",\"deletionTimestamp\":\"2024-01-10T00:00:00Z\"}")
                        .get(2));
        assertEquals(
                "Pending",
                cells("v1/pods", "\"spec\":{\"containers\":[{\"name\":\"a\"}]}").get(2),
                "the phase set on create");
    }

    @Test
    void deploymentsPrintReadyOfDesiredAndTheirSelectorInWideCells() {
        assertEquals(
                List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"),
                headers("apps/v1/deployments").stream().map(String::toUpperCase).toList());
        assertEquals(
                List.of("x", "2/3", 3L, 2L, "10d", "web,log", "nginx:1.27,busybox", "app=web"),
                cells(
                        "apps/v1/deployments",
                        "\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
                                + "\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"},"
                                + "{\"name\":\"log\",\"image\":\"busybox\"}]}}},"
                                + "\"status\":{\"readyReplicas\":2,\"updatedReplicas\":3,\"availableReplicas\":2}"));
    }

    @Test
    void jobsPrintStatusCompletionsAndDuration() {
        assertEquals(
                List.of("x", "Complete", "1/1", "45s", "10d", "c", "busybox", "<none>"),
                cells(
                        "batch/v1/jobs",
                        "\"spec\":{\"completions\":1,\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}},"
                                + "\"status\":{\"succeeded\":1,\"startTime\":\"2024-01-01T00:00:00Z\",\"completionTime\":\"2024-01-01T00:00:45Z\","
                                + "\"conditions\":[{\"type\":\"Complete\",\"status\":\"True\"}]}"));
    }

    @Test
    void servicesPrintTypeAddressesAndPorts() {
        assertEquals(
                List.of("x", "NodePort", "10.96.0.10", "<none>", "80:30080/TCP,53/UDP", "10d", "app=web"),
                cells(
                        "v1/services",
                        "\"spec\":{\"type\":\"NodePort\",\"clusterIP\":\"10.96.0.10\",\"clusterIPs\":[\"10.96.0.10\"],"
                                + "\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80,\"nodePort\":30080,\"protocol\":\"TCP\"},"
                                + "{\"port\":53,\"protocol\":\"UDP\"}]}"));
        assertEquals(
                "<pending>",
                cells("v1/services", "\"spec\":{\"type\":\"LoadBalancer\"}").get(3));
    }

    @Test
    void eventsOfBothApisPrintAlike() {
        String core = "\"type\":\"Warning\",\"reason\":\"BackOff\",\"message\":\"restarting \",\"count\":4,"
                + "\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"web\",\"fieldPath\":\"spec.containers{web}\"},"
                + "\"source\":{\"component\":\"kubelet\",\"host\":\"node-1\"},"
                + "\"firstTimestamp\":\"2024-01-10T00:00:00Z\",\"lastTimestamp\":\"2024-01-10T23:00:00Z\"";
        String eventsApi = "\"type\":\"Warning\",\"reason\":\"BackOff\",\"note\":\"restarting \",\"deprecatedCount\":4,"
                + "\"regarding\":{\"kind\":\"Pod\",\"name\":\"web\",\"fieldPath\":\"spec.containers{web}\"},"
                + "\"deprecatedSource\":{\"component\":\"kubelet\",\"host\":\"node-1\"},"
                + "\"deprecatedFirstTimestamp\":\"2024-01-10T00:00:00Z\",\"deprecatedLastTimestamp\":\"2024-01-10T23:00:00Z\"";
        List<Object> expected = Arrays.asList(
                "60m",
                "Warning",
                "BackOff",
                "pod/web",
                "spec.containers{web}",
                "kubelet, node-1",
                "restarting",
                "24h",
                4L,
                "x");
        assertEquals(expected, cells("v1/events", core));
        assertEquals(expected, cells("events.k8s.io/v1/events", eventsApi));
    }

    @Test
    void namespacesSecretsAndConfigMaps() {
        assertEquals(List.of("x", "Active", "10d"), cells("v1/namespaces", "\"spec\":{}"));
        assertEquals(
                List.of("x", "kubernetes.io/tls", 2L, "10d"),
                cells("v1/secrets", "\"type\":\"kubernetes.io/tls\",\"data\":{\"tls.crt\":\"\",\"tls.key\":\"\"}"));
        assertEquals(
                List.of("x", 3L, "10d"),
                cells("v1/configmaps", "\"data\":{\"a\":\"\",\"b\":\"\"},\"binaryData\":{\"c\":\"\"}"));
    }

    @Test
    void customResourcesPrintTheirDefinitionsColumns() {
        @SuppressWarnings("unchecked")
        Map<String, Object> crd = (Map<String, Object>)
                Json.parse("{\"spec\":{\"versions\":[{\"name\":\"v1\",\"additionalPrinterColumns\":["
                        + "{\"name\":\"Ready\",\"type\":\"string\",\"jsonPath\":\".status.conditions[?(@.type==\\\"Ready\\\")].status\"},"
                        + "{\"name\":\"Replicas\",\"type\":\"integer\",\"jsonPath\":\".spec.replicas\"},"
                        + "{\"name\":\"Missing\",\"type\":\"string\",\"jsonPath\":\".spec.none\",\"priority\":1},"
                        + "{\"name\":\"Age\",\"type\":\"date\",\"jsonPath\":\".metadata.creationTimestamp\"}]}]}}");
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) Json.parse("{" + META + ",\"spec\":{\"replicas\":2},"
                + "\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}");
        RowPrinter printer = Printers.of(Resource.parse("kopf.dev/v1/kopfexamples"), crd);
        assertEquals(
                List.of("Name", "Ready", "Replicas", "Missing", "Age"),
                printer.columns().stream().map(Column::name).toList());
        assertEquals(1, printer.columns().get(3).priority());
        List<Object> cells = printer.cells(object, NOW);
        assertEquals(Arrays.asList("x", "True", 2L, null, "10d"), cells);
        assertNull(cells.get(3));
    }

    @Test
    void everythingElsePrintsNameAndCreationTime() {
        assertEquals(List.of("Name", "Created At"), headers("rbac.authorization.k8s.io/v1/roles"));
        assertEquals(
                List.of("x", "2024-01-01T00:00:00Z"),
                cells("rbac.authorization.k8s.io/v1/clusterroles", "\"rules\":[]"));
    }
}
