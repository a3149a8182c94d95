package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import kmock.handlers.KubernetesEmulator;
import kmock.internal.json.Json;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/**
 * What kubectl reads back from the emulator, compared with what it prints against a cluster: {@code get} tables of
 * every kind (default and wide), custom resources' printer columns, {@code get -w}, {@code auth}, {@code create
 * token}, {@code cluster-info}, {@code get all}, {@code describe} with events, and field selectors.
 */
@BothTransports
class KubectlReadsTest {

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private final KubectlRunner kubectl;
    private KubernetesEmulator kmock;

    KubectlReadsTest(String transport, @TempDir Path dir) throws IOException {
        emulator = KMockExtension.builder().transport(transport).build();
        kubectl = new KubectlRunner(dir, emulator);
    }

    @BeforeEach
    void serveTheBundledCatalog() {
        kmock = emulator.handler(KubernetesEmulator.class);
        kmock.resources().loadBundled();
    }

    private void put(ClusterKinds.Kind kind) {
        kmock.objects().put(kind.resource(), kind.namespace(), kind.name(), kind.object());
    }

    private static String[] get(ClusterKinds.Kind kind, String... more) {
        List<String> args = new ArrayList<>(List.of("get", kind.get()));
        if (kind.namespace() != null) {
            args.addAll(List.of("-n", kind.namespace()));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static Stream<ClusterKinds.Kind> kinds() {
        return ClusterKinds.all().stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void getPrintsTheTableAClusterPrints(ClusterKinds.Kind kind) throws Exception {
        put(kind);
        assertEquals(List.of(kind.header(), kind.row()), KubectlTables.parse(kubectl.ok(get(kind))));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void getWidePrintsTheWideTableAClusterPrints(ClusterKinds.Kind kind) throws Exception {
        put(kind);
        assertEquals(kind.wide(), KubectlTables.parse(kubectl.ok(get(kind, "-o", "wide"))));
    }

    @Test
    void allNamespacesAddsTheNamespaceOfEachRow() throws Exception {
        kmock.objects()
                .put(
                        "v1/configmaps",
                        "a",
                        "one",
                        Map.of("metadata", Map.of("creationTimestamp", ClusterKinds.CREATED)));
        kmock.objects()
                .put(
                        "v1/configmaps",
                        "b",
                        "two",
                        Map.of(
                                "data",
                                Map.of("k", "v"),
                                "metadata",
                                Map.of("creationTimestamp", ClusterKinds.CREATED)));
        assertEquals(
                List.of(
                        List.of("NAMESPACE", "NAME", "DATA", "AGE"),
                        List.of("a", "one", "0", "10d"),
                        List.of("b", "two", "1", "10d")),
                KubectlTables.parse(kubectl.ok("get", "configmaps", "-A")));
    }

    @Test
    void customResourcesPrintTheColumnsOfTheirDefinition() throws Exception {
        kubectl.ok(
                "apply",
                "-f",
                kubectl.file(
                                "crd.yaml",
                                KopfExamples.definition(
                                        "    additionalPrinterColumns:",
                                        "    - {name: Duration, type: integer, jsonPath: .spec.duration}",
                                        "    - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type==\"Ready\")].status'}",
                                        "    - {name: Message, type: string, priority: 1, jsonPath: .status.message}",
                                        "    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}"))
                        .toString());
        kmock.objects()
                .put(
                        "kopf.dev/v1/kopfexamples",
                        "ns",
                        "ex1",
                        Map.of(
                                "metadata",
                                Map.of("creationTimestamp", ClusterKinds.CREATED),
                                "spec",
                                Map.of("duration", 5),
                                "status",
                                Map.of(
                                        "message",
                                        "all good",
                                        "conditions",
                                        List.of(Map.of("type", "Ready", "status", "True")))));
        assertEquals(
                List.of(List.of("NAME", "DURATION", "READY", "AGE"), List.of("ex1", "5", "True", "10d")),
                KubectlTables.parse(kubectl.ok("get", "kex", "-n", "ns")));
        assertEquals(
                List.of(
                        List.of("NAME", "DURATION", "READY", "MESSAGE", "AGE"),
                        List.of("ex1", "5", "True", "all good", "10d")),
                KubectlTables.parse(kubectl.ok("get", "kex", "-n", "ns", "-o", "wide")));
    }

    @Test
    void explainDescribesANestedFieldOfABuiltInKind() throws Exception {
        String explained = kubectl.ok("explain", "deployment.spec.replicas");
        assertTrue(explained.lines().anyMatch(line -> line.matches("KIND:\\s+Deployment")), explained);
        assertTrue(explained.lines().anyMatch(line -> line.matches("VERSION:\\s+v1")), explained);
        assertTrue(explained.contains("FIELD: replicas <integer>"), explained);
        String strategy = kubectl.ok("explain", "deployment.spec.strategy.type");
        assertTrue(strategy.contains("Recreate") && strategy.contains("RollingUpdate"), strategy);
    }

    @Test
    void explainRecursiveListsTheWholeTreeOfAKind() throws Exception {
        String explained = kubectl.ok("explain", "pods", "--recursive");
        assertTrue(
                explained.lines().anyMatch(line -> line.matches("\\s+containers\\s+<\\[\\]Container> -required-")),
                explained);
        assertTrue(
                explained.lines().anyMatch(line -> line.matches("\\s+containerPort\\s+<integer> -required-")),
                explained);
    }

    @Test
    void explainDescribesAFieldOfACustomResourceFromItsDefinition() throws Exception {
        kubectl.ok(
                "apply",
                "-f",
                kubectl.file(
                                "crd.yaml",
                                String.join(
                                        "\n",
                                        "apiVersion: apiextensions.k8s.io/v1",
                                        "kind: CustomResourceDefinition",
                                        "metadata: {name: widgets.example.com}",
                                        "spec:",
                                        "  group: example.com",
                                        "  scope: Namespaced",
                                        "  names: {kind: Widget, plural: widgets, singular: widget}",
                                        "  versions:",
                                        "  - name: v1",
                                        "    served: true",
                                        "    storage: true",
                                        "    schema:",
                                        "      openAPIV3Schema:",
                                        "        type: object",
                                        "        properties:",
                                        "          spec:",
                                        "            type: object",
                                        "            properties:",
                                        "              size: {type: integer, description: How many widgets to make.}",
                                        ""))
                        .toString());
        String explained = kubectl.ok("explain", "widgets.spec.size");
        assertTrue(explained.contains("FIELD: size <integer>"), explained);
        assertTrue(explained.contains("How many widgets to make."), explained);
    }

    @Test
    void getWatchPrintsEachChangeAsATableRow() throws Exception {
        kmock.objects()
                .put(
                        "v1/configmaps",
                        "ns",
                        "first",
                        Map.of("metadata", Map.of("creationTimestamp", ClusterKinds.CREATED)));
        Path out = kubectl.dir().resolve("watch.txt");
        Process watch = new ProcessBuilder(kubectl.command(List.of("get", "configmaps", "-n", "ns", "--watch")))
                .redirectOutput(out.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            Await.until(
                    "kubectl printed the existing config map", () -> read(out).contains("first"));
            kmock.objects().put("v1/configmaps", "ns", "second", Map.of("data", Map.of("a", "1", "b", "2")));
            // The whole row, not just its name: kubectl may write a row in more than one piece.
            Await.until("kubectl printed the new config map's row", () -> {
                String text = read(out);
                int row = text.indexOf("\nsecond");
                return row >= 0 && text.indexOf('\n', row + 1) >= 0;
            });
        } finally {
            watch.destroy();
            assertTrue(watch.waitFor(30, TimeUnit.SECONDS));
        }
        List<List<String>> table = KubectlTables.parse(read(out));
        assertEquals(List.of("NAME", "DATA", "AGE"), table.get(0), "one header, from the first event");
        assertEquals(List.of("first", "0", "10d"), table.get(1));
        assertEquals(List.of("second", "2"), table.get(2).subList(0, 2));
        assertEquals(3, table.size(), read(out));
    }

    @Test
    void authCanIAllowsEverythingByDefault() throws Exception {
        assertEquals("yes", kubectl.ok("auth", "can-i", "create", "pods").strip());
        assertEquals(
                "yes",
                kubectl.ok("auth", "can-i", "delete", "deployments.apps", "-n", "prod")
                        .strip());
    }

    @Test
    void authCanIFollowsAUserRule() throws Exception {
        kmock.on("post /apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .reply(
                        201,
                        Map.of(
                                "apiVersion",
                                "authorization.k8s.io/v1",
                                "kind",
                                "SelfSubjectAccessReview",
                                "status",
                                Map.of("allowed", false, "reason", "denied by the test")));
        KubectlRunner.Result denied = kubectl.run("auth", "can-i", "create", "pods");
        assertEquals(1, denied.code(), denied.err());
        assertEquals("no - denied by the test", denied.out().strip());
    }

    @Test
    void authCanIListShowsRulesThatAllowEverything() throws Exception {
        assertEquals(
                List.of(
                        List.of("Resources", "Non-Resource URLs", "Resource Names", "Verbs"),
                        List.of("*.*", "[]", "[]", "[*]"),
                        List.of("", "[*]", "[]", "[*]")),
                KubectlTables.parse(kubectl.ok("auth", "can-i", "--list")));
    }

    @Test
    void authWhoamiNamesTheCaller() throws Exception {
        assertEquals(
                List.of(
                        List.of("ATTRIBUTE", "VALUE"),
                        List.of("Username", "system:anonymous"),
                        List.of("Groups", "[system:unauthenticated]")),
                KubectlTables.parse(kubectl.ok("auth", "whoami")));
        assertEquals(
                List.of(
                        List.of("ATTRIBUTE", "VALUE"),
                        List.of("Username", "jane"),
                        List.of("Groups", "[devs system:authenticated]")),
                KubectlTables.parse(kubectl.ok("auth", "whoami", "--as=jane", "--as-group=devs")));
    }

    @Test
    void createTokenIssuesAJwtValidForTheDuration() throws Exception {
        kmock.objects().put("v1/serviceaccounts", "ns", "robot", Map.of());
        String token = kubectl.ok("create", "token", "robot", "-n", "ns", "--duration=20m")
                .strip();
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, token);
        Map<?, ?> claims = (Map<?, ?>) Json.parse(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("system:serviceaccount:ns:robot", claims.get("sub"));
        assertEquals(1200L, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
        KubectlRunner.Result missing = kubectl.run("create", "token", "nobody", "-n", "ns");
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("serviceaccounts \"nobody\" not found"), missing.err());
    }

    @Test
    void clusterInfoNamesTheControlPlane() throws Exception {
        String url = emulator.server().url().toString().replaceAll("/$", "");
        assertTrue(kubectl.ok("cluster-info").startsWith("Kubernetes control plane is running at " + url), url);
    }

    @Test
    void getAllListsEveryKindOfTheAllCategory() throws Exception {
        for (ClusterKinds.Kind kind : ClusterKinds.all()) {
            if (List.of(
                            "pods",
                            "services",
                            "deployments",
                            "replicasets",
                            "statefulsets",
                            "daemonsets",
                            "jobs",
                            "cronjobs")
                    .contains(kind.get())) {
                put(kind);
            }
        }
        String all = kubectl.ok("get", "all", "-n", "ns");
        for (String name : List.of(
                "pod/web",
                "service/web",
                "daemonset.apps/agent",
                "deployment.apps/web",
                "replicaset.apps/web-5d8f",
                "statefulset.apps/db",
                "cronjob.batch/nightly",
                "job.batch/backup")) {
            assertTrue(all.lines().anyMatch(line -> line.startsWith(name + " ")), name + " in\n" + all);
        }
        assertTrue(all.lines().anyMatch(line -> line.matches("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE")), all);
    }

    @Test
    void describeShowsTheEventsOfTheObject() throws Exception {
        ClusterKinds.Kind pod = ClusterKinds.all().get(0);
        put(pod);
        String uid = (String)
                ((Map<?, ?>) kmock.objects().get("v1/pods", "ns", "web").get("metadata")).get("uid");
        kmock.objects()
                .put(
                        "v1/events",
                        "ns",
                        "web.1",
                        Map.of(
                                "type",
                                "Warning",
                                "reason",
                                "BackOff",
                                "message",
                                "Back-off restarting failed container",
                                "count",
                                4,
                                "involvedObject",
                                Map.of("kind", "Pod", "namespace", "ns", "name", "web", "uid", uid),
                                "source",
                                Map.of("component", "kubelet"),
                                "firstTimestamp",
                                ClusterKinds.CREATED,
                                "lastTimestamp",
                                ClusterKinds.CREATED));
        kmock.objects()
                .put(
                        "v1/events",
                        "ns",
                        "other.1",
                        Map.of(
                                "type",
                                "Normal",
                                "reason",
                                "Pulled",
                                "message",
                                "elsewhere",
                                "involvedObject",
                                Map.of("kind", "Pod", "namespace", "ns", "name", "other", "uid", "u-other")));
        String described = kubectl.ok("describe", "pod", "web", "-n", "ns");
        List<String> lines = described.lines().toList();
        int events = lines.indexOf("Events:");
        assertTrue(events > 0, described);
        assertTrue(lines.get(events + 1).strip().matches("Type\\s+Reason\\s+Age\\s+From\\s+Message"), described);
        assertTrue(
                lines.get(events + 3)
                        .strip()
                        .matches(
                                "Warning\\s+BackOff\\s+10d \\(x4 over 10d\\)\\s+kubelet\\s+Back-off restarting failed container"),
                described);
        assertTrue(!described.contains("elsewhere"), "only the pod's own events");
    }

    @Test
    void podsAreSelectedByTheirFields() throws Exception {
        put(ClusterKinds.all().get(0));
        kmock.objects()
                .put(
                        "v1/pods",
                        "ns",
                        "pending",
                        Map.of(
                                "spec",
                                Map.of(
                                        "containers",
                                        List.of(Map.of("name", "c")),
                                        "restartPolicy",
                                        "Never",
                                        "serviceAccountName",
                                        "robot")));
        assertEquals(
                "pod/web",
                kubectl.ok("get", "pods", "-n", "ns", "--field-selector", "spec.nodeName=node-1", "-o", "name")
                        .strip());
        assertEquals(
                "pod/pending",
                kubectl.ok("get", "pods", "-n", "ns", "--field-selector", "status.phase=Pending", "-o", "name")
                        .strip());
        assertEquals(
                "pod/pending",
                kubectl.ok(
                                "get",
                                "pods",
                                "-n",
                                "ns",
                                "--field-selector",
                                "spec.restartPolicy=Never,spec.serviceAccountName=robot",
                                "-o",
                                "name")
                        .strip());
        assertEquals(
                "pod/web",
                kubectl.ok(
                                "get",
                                "pods",
                                "-A",
                                "--field-selector",
                                "status.podIP=10.244.0.5,metadata.namespace=ns",
                                "-o",
                                "name")
                        .strip());
        assertEquals(
                "pod/web",
                kubectl.ok("get", "pods", "-n", "ns", "--field-selector", "metadata.name!=pending", "-o", "name")
                        .strip());
    }

    @Test
    void eventsSecretsNamespacesAndJobsAreSelectedByTheirFields() throws Exception {
        for (ClusterKinds.Kind kind : ClusterKinds.all()) {
            if (List.of("events", "secrets", "namespaces", "jobs", "services").contains(kind.get())) {
                put(kind);
            }
        }
        kmock.objects().put("v1/secrets", "ns", "tls", Map.of("type", "kubernetes.io/tls"));
        assertEquals(
                "event/web.17a2b3c4d5e6f708",
                kubectl.ok(
                                "get",
                                "events",
                                "-n",
                                "ns",
                                "--field-selector",
                                "involvedObject.kind=Pod,involvedObject.name=web,reason=BackOff,type=Warning",
                                "-o",
                                "name")
                        .strip());
        assertEquals(
                "",
                kubectl.ok("get", "events", "-n", "ns", "--field-selector", "involvedObject.name=nothing", "-o", "name")
                        .strip());
        assertEquals(
                "secret/tls",
                kubectl.ok("get", "secrets", "-n", "ns", "--field-selector", "type=kubernetes.io/tls", "-o", "name")
                        .strip());
        assertEquals(
                "namespace/team-a",
                kubectl.ok("get", "namespaces", "--field-selector", "status.phase=Active", "-o", "name")
                        .strip());
        assertEquals(
                "job.batch/backup",
                kubectl.ok("get", "jobs", "-n", "ns", "--field-selector", "status.successful=1", "-o", "name")
                        .strip());
        assertEquals(
                "service/web",
                kubectl.ok("get", "services", "-n", "ns", "--field-selector", "spec.type=ClusterIP", "-o", "name")
                        .strip());
    }

    @Test
    void anUnsupportedFieldSelectorIsABadRequestNamingTheField() throws Exception {
        KubectlRunner.Result pods = kubectl.run("get", "pods", "--field-selector", "spec.containers=x");
        assertEquals(1, pods.code());
        assertTrue(pods.err().contains("field label not supported: spec.containers"), pods.err());
        KubectlRunner.Result maps = kubectl.run("get", "configmaps", "--field-selector", "data.key=x");
        assertEquals(1, maps.code());
        assertTrue(maps.err().contains("\"data.key\" is not a known field selector"), maps.err());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
