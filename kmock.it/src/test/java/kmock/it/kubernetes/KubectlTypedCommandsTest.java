package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Runtime.TypeMeta;
import io.kubernetes.client.proto.Runtime.Unknown;

import kmock.api.KResponse;
import kmock.api.Request;
import kmock.handlers.KubernetesEmulator;
import kmock.internal.json.Json;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/**
 * kubectl's typed {@code create} commands send Kubernetes protobuf ({@code run} and {@code expose} send JSON); with
 * kmock-protobuf on the path, the emulator stores exactly the object that {@code kubectl … --dry-run=client -o json}
 * prints for the same command.
 *
 * <p>Compared after removing what the API server owns and the dry run cannot know: {@code metadata.uid},
 * {@code resourceVersion} (absent from the dry run) and {@code creationTimestamp} (null in the dry run, set by the
 * server). Each is first checked to be there, so stripping hides nothing else. What kube-apiserver adds to the
 * object beyond that — its defaults, its strategy's generation and generated fields, a Service's allocated IP — is
 * spelled out per command, each value from the Kubernetes sources (pkg/apis/&lt;group&gt;/v1/defaults.go and
 * pkg/registry/&lt;group&gt;/&lt;resource&gt;/strategy.go, 1.32): the stored object must be the dry run with exactly those
 * additions. Namespaced commands pass {@code -n default}, so that kubectl writes the namespace into the object as the
 * server does; {@code kubectl autoscale} alone leaves it out, so there the stored namespace is checked against the
 * URL's.
 */
@BothTransports
class KubectlTypedCommandsTest {

    private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
    /** The metadata the emulator manages: set on create, unknown to a client-side dry run. */
    private static final List<String> SERVER_OWNED = List.of("uid", "resourceVersion", "creationTimestamp");
    /** A container of a pod template, as defaulted (pkg/apis/core/v1/defaults.go: SetDefaults_Container). */
    private static final String CONTAINER =
            "terminationMessagePath:\"/dev/termination-log\" terminationMessagePolicy:\"File\"";
    /** The labels a Job's strategy generates for its pods (pkg/registry/batch/job/strategy.go: generateSelector). */
    private static final String JOB_LABELS =
            "{\"batch.kubernetes.io/controller-uid\":\"<uid>\",\"batch.kubernetes.io/job-name\":\"j\","
                    + "\"controller-uid\":\"<uid>\",\"job-name\":\"j\"}";
    /** A ClusterIP Service as defaulted and allocated (SetDefaults_Service; service storage's allocators). */
    private static final String SERVICE =
            "clusterIP:\"<clusterIP>\" clusterIPs:[\"<clusterIP>\"] sessionAffinity:\"None\""
                    + " ipFamilies:[\"IPv4\"] ipFamilyPolicy:\"SingleStack\" internalTrafficPolicy:\"Cluster\"";
    /** A pod template's spec as defaulted (SetDefaults_PodSpec), for what kubectl leaves out. */
    private static final String POD_SPEC =
            "terminationGracePeriodSeconds:30 securityContext:{} schedulerName:\"default-scheduler\"";

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private final KubectlRunner kubectl;
    private KubernetesEmulator kmock;

    KubectlTypedCommandsTest(String transport, @TempDir Path dir) throws IOException {
        emulator = KMockExtension.builder().transport(transport).build();
        kubectl = new KubectlRunner(dir, emulator);
    }

    @BeforeEach
    void serveTheBundledCatalog() {
        kmock = emulator.handler(KubernetesEmulator.class);
        kmock.resources().loadBundled();
    }

    /**
     * One typed command and where its object lands.
     *
     * @param setup commands run first (objects the command reads), may be empty
     * @param sends the media type kubectl 1.32 sends: protobuf for {@code create …}, JSON for {@code run} and {@code expose}
     * @param namespaceFromUrl kubectl leaves {@code metadata.namespace} out of the object even with {@code -n}
     */
    record Command(
            String resource,
            String namespace,
            String name,
            List<String> setup,
            List<String> args,
            String sends,
            boolean namespaceFromUrl,
            Map<String, String> added) {

        static Command of(String resource, String namespace, String name, String... args) {
            List<String> all = namespace == null ? List.of(args) : concat(List.of(args), "-n", namespace);
            return new Command(resource, namespace, name, List.of(), all, PROTOBUF, false, Map.of());
        }

        Command after(String... setup) {
            return new Command(resource, namespace, name, List.of(setup), args, sends, namespaceFromUrl, added);
        }

        Command sendingJson() {
            return new Command(resource, namespace, name, setup, args, "application/json", namespaceFromUrl, added);
        }

        Command withNamespaceFromUrl() {
            return new Command(resource, namespace, name, setup, args, sends, true, added);
        }

        /**
         * What the API server adds: {@code path:json} pairs separated by spaces, under a path prefix; {@code <uid>}
         * and {@code <clusterIP>} stand for the values it assigned.
         */
        Command adds(String prefix, String pairs) {
            Map<String, String> all = new java.util.LinkedHashMap<>(added);
            for (String pair : pairs.trim().split(" +")) {
                int colon = pair.indexOf(':');
                all.put(
                        prefix + pair.substring(0, colon),
                        pair.substring(colon + 1).replace('\u00a0', ' '));
            }
            return new Command(resource, namespace, name, setup, args, sends, namespaceFromUrl, all);
        }

        @Override
        public String toString() {
            return "kubectl " + String.join(" ", args);
        }
    }

    static Stream<Command> commands() {
        return Stream.of(
                Command.of("v1/namespaces", null, "demo", "create", "namespace", "demo")
                        .adds(
                                "",
                                "metadata.labels:{\"kubernetes.io/metadata.name\":\"demo\"} spec.finalizers:[\"kubernetes\"]"
                                        + " status.phase:\"Active\""),
                Command.of(
                        "v1/configmaps",
                        "default",
                        "cfg",
                        "create",
                        "configmap",
                        "cfg",
                        "--from-literal=a=1",
                        "--from-literal=b=two"),
                Command.of(
                                "v1/secrets",
                                "default",
                                "s",
                                "create",
                                "secret",
                                "generic",
                                "s",
                                "--from-literal=password=hunter2",
                                "--from-literal=empty=")
                        .adds("", "type:\"Opaque\""),
                Command.of(
                                "apps/v1/deployments",
                                "default",
                                "web",
                                "create",
                                "deployment",
                                "web",
                                "--image=nginx:1.27",
                                "--replicas=2")
                        .adds(
                                "",
                                "metadata.generation:1 spec.revisionHistoryLimit:10 spec.progressDeadlineSeconds:600"
                                        + " spec.strategy:{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":\"25%\",\"maxSurge\":\"25%\"}}")
                        .adds("spec.template.spec.", POD_SPEC + " restartPolicy:\"Always\" dnsPolicy:\"ClusterFirst\"")
                        .adds("spec.template.spec.containers.0.", CONTAINER + " imagePullPolicy:\"IfNotPresent\""),
                Command.of("batch/v1/jobs", "default", "j", "create", "job", "j", "--image=busybox:1.36", "--", "date")
                        .adds(
                                "",
                                "metadata.generation:1 metadata.labels:" + JOB_LABELS
                                        + " spec.template.metadata.labels:" + JOB_LABELS
                                        + " spec.selector:{\"matchLabels\":{\"batch.kubernetes.io/controller-uid\":\"<uid>\"}}"
                                        + " spec.parallelism:1 spec.completions:1 spec.backoffLimit:6 spec.manualSelector:false"
                                        + " spec.completionMode:\"NonIndexed\" spec.suspend:false spec.podReplacementPolicy:\"TerminatingOrFailed\"")
                        .adds("spec.template.spec.", POD_SPEC + " dnsPolicy:\"ClusterFirst\"")
                        .adds("spec.template.spec.containers.0.", CONTAINER + " imagePullPolicy:\"IfNotPresent\""),
                Command.of(
                                "v1/services",
                                "default",
                                "svc",
                                "create",
                                "service",
                                "clusterip",
                                "svc",
                                "--tcp=80:8080",
                                "--tcp=443")
                        .adds("spec.", SERVICE),
                Command.of("v1/serviceaccounts", "default", "sa", "create", "serviceaccount", "sa"),
                Command.of(
                        "rbac.authorization.k8s.io/v1/roles",
                        "default",
                        "r",
                        "create",
                        "role",
                        "r",
                        "--verb=get,list,watch",
                        "--resource=pods,deployments.apps"),
                Command.of(
                        "rbac.authorization.k8s.io/v1/rolebindings",
                        "default",
                        "rb",
                        "create",
                        "rolebinding",
                        "rb",
                        "--role=r",
                        "--serviceaccount=default:sa",
                        "--user=ann"),
                Command.of(
                                "batch/v1/cronjobs",
                                "default",
                                "cj",
                                "create",
                                "cronjob",
                                "cj",
                                "--image=busybox:1.36",
                                "--schedule=*/5 * * * *")
                        .adds(
                                "",
                                "metadata.generation:1 spec.concurrencyPolicy:\"Allow\" spec.suspend:false"
                                        + " spec.successfulJobsHistoryLimit:3 spec.failedJobsHistoryLimit:1")
                        .adds("spec.jobTemplate.spec.template.spec.", POD_SPEC + " dnsPolicy:\"ClusterFirst\"")
                        .adds(
                                "spec.jobTemplate.spec.template.spec.containers.0.",
                                CONTAINER + " imagePullPolicy:\"IfNotPresent\""),
                Command.of(
                                "networking.k8s.io/v1/ingresses",
                                "default",
                                "ing",
                                "create",
                                "ingress",
                                "ing",
                                "--rule=foo.com/bar*=svc:80",
                                "--class=nginx")
                        .adds("", "metadata.generation:1"),
                Command.of(
                                "policy/v1/poddisruptionbudgets",
                                "default",
                                "pdb",
                                "create",
                                "poddisruptionbudget",
                                "pdb",
                                "--selector=app=web",
                                "--min-available=0")
                        .adds("", "metadata.generation:1"),
                Command.of(
                        "scheduling.k8s.io/v1/priorityclasses",
                        null,
                        "pc",
                        "create",
                        "priorityclass",
                        "pc",
                        "--value=0",
                        "--description=zero is written"),
                Command.of(
                        "v1/resourcequotas", "default", "q", "create", "quota", "q", "--hard=cpu=1,memory=1Gi,pods=2"),
                Command.of(
                        "rbac.authorization.k8s.io/v1/clusterroles",
                        null,
                        "cr",
                        "create",
                        "clusterrole",
                        "cr",
                        "--verb=get",
                        "--non-resource-url=/healthz"),
                Command.of(
                        "rbac.authorization.k8s.io/v1/clusterrolebindings",
                        null,
                        "crb",
                        "create",
                        "clusterrolebinding",
                        "crb",
                        "--clusterrole=cr",
                        "--group=devs"),
                Command.of(
                        "v1/secrets",
                        "default",
                        "reg",
                        "create",
                        "secret",
                        "docker-registry",
                        "reg",
                        "--docker-server=r.io",
                        "--docker-username=u",
                        "--docker-password=p"),
                Command.of(
                                "autoscaling/v1/horizontalpodautoscalers",
                                "default",
                                "web",
                                "autoscale",
                                "deployment",
                                "web",
                                "--min=1",
                                "--max=3")
                        .after("create", "deployment", "web", "--image=nginx:1.27", "-n", "default")
                        .withNamespaceFromUrl(),
                Command.of("v1/pods", "default", "p", "run", "p", "--image=nginx:1.27", "--port=80", "--env=MODE=test")
                        .sendingJson()
                        .adds("spec.", POD_SPEC + " enableServiceLinks:true")
                        .adds(
                                "spec.containers.0.",
                                CONTAINER + " imagePullPolicy:\"IfNotPresent\" ports.0.protocol:\"TCP\"")
                        .adds("status.", "phase:\"Pending\" qosClass:\"BestEffort\""),
                Command.of(
                                "v1/services",
                                "default",
                                "web",
                                "expose",
                                "deployment",
                                "web",
                                "--port=80",
                                "--target-port=8080")
                        .after("create", "deployment", "web", "--image=nginx:1.27", "-n", "default")
                        .sendingJson()
                        .adds("spec.", SERVICE + " type:\"ClusterIP\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theStoredObjectIsWhatTheDryRunPrints(Command command) throws Exception {
        if (!command.setup().isEmpty()) {
            kubectl.ok(command.setup());
        }
        Map<String, Object> dryRun =
                asMap(Json.parse(kubectl.ok(concat(command.args(), "--dry-run=client", "-o", "json"))));
        int before = kmock.requests().size();
        kubectl.ok(command.args());
        assertEquals(List.of(command.sends()), posts(before), "the media type kubectl sent the object in");

        Map<String, Object> stored = asMap(
                Json.parse(Json.write(kmock.objects().get(command.resource(), command.namespace(), command.name()))));
        Map<String, Object> storedMeta = asMap(stored.get("metadata"));
        String uid = String.valueOf(storedMeta.get("uid"));
        String clusterIp = stored.get("spec") instanceof Map<?, ?> spec ? String.valueOf(spec.get("clusterIP")) : "";
        command.added()
                .forEach((path, json) ->
                        put(dryRun, path, Json.parse(json.replace("<uid>", uid).replace("<clusterIP>", clusterIp))));
        Map<String, Object> dryMeta = asMap(dryRun.get("metadata"));
        assertTrue(
                dryMeta.containsKey("creationTimestamp") && dryMeta.get("creationTimestamp") == null,
                "dry run: " + dryMeta);
        for (String field : SERVER_OWNED) {
            assertNotNull(storedMeta.remove(field), "the emulator set metadata." + field);
            if (!field.equals("creationTimestamp")) {
                assertNull(dryMeta.get(field), "the dry run has no metadata." + field);
            }
            dryMeta.remove(field);
        }
        // The API server's record of who set which field: never in a client-side dry run.
        storedMeta.remove("managedFields");
        if (command.namespaceFromUrl()) {
            assertNull(dryMeta.get("namespace"), "kubectl left the namespace out");
            assertEquals(command.namespace(), storedMeta.remove("namespace"), "the emulator took it from the URL");
        }
        assertEquals(dryRun, stored);
    }

    @Test
    void aCorruptProtobufBodyIsA400AndStoresNothing() {
        byte[] unknown = Unknown.newBuilder()
                .setTypeMeta(TypeMeta.newBuilder().setApiVersion("v1").setKind("ConfigMap"))
                .setRaw(ByteString.copyFrom(new byte[] {0x0a, 0x7f, 0x0a}))
                .build()
                .toByteArray();
        KResponse response =
                kmock.post("/api/v1/namespaces/default/configmaps", magic(unknown), Map.of("Content-Type", PROTOBUF));
        assertEquals(400, response.status(), response.text());
        assertEquals("BadRequest", asMap(response.json()).get("reason"));
        assertTrue(
                String.valueOf(asMap(response.json()).get("message"))
                        .contains("the v1 ConfigMap in the body is corrupt or truncated"),
                response.text());
        assertEquals(Set.of(), kmock.objects().keys());
    }

    @Test
    void aKindWithoutDescriptorIsA400ThatSaysToSendJsonAndStoresNothing() {
        byte[] unknown = Unknown.newBuilder()
                .setTypeMeta(TypeMeta.newBuilder().setApiVersion("v1").setKind("Frobnicator"))
                .build()
                .toByteArray();
        KResponse response =
                kmock.post("/api/v1/namespaces/default/configmaps", magic(unknown), Map.of("Content-Type", PROTOBUF));
        assertEquals(400, response.status(), response.text());
        String message = String.valueOf(asMap(response.json()).get("message"));
        assertTrue(message.contains("no protobuf descriptor for kind Frobnicator in apiVersion v1"), message);
        assertTrue(message.contains("send this object as JSON"), message);
        assertEquals(Set.of(), kmock.objects().keys());
    }

    @Test
    void aWrongMagicNumberIsA400AndStoresNothing() {
        KResponse response = kmock.post(
                "/api/v1/namespaces",
                "{\"metadata\":{\"name\":\"x\"}}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", PROTOBUF));
        assertEquals(400, response.status(), response.text());
        assertTrue(response.text().contains("not a Kubernetes protobuf body"), response.text());
        assertEquals(Set.of(), kmock.objects().keys());
    }

    private static byte[] magic(byte[] message) {
        byte[] body = Arrays.copyOf(new byte[] {'k', '8', 's', 0}, 4 + message.length);
        System.arraycopy(message, 0, body, 4, message.length);
        return body;
    }

    /** The content types of the POSTs since a position in the request log. */
    private List<String> posts(int from) {
        List<String> types = new ArrayList<>();
        for (Request request : kmock.requests().subList(from, kmock.requests().size())) {
            if (request.method().equals("POST")) {
                types.add(String.valueOf(request.header("Content-Type")).split(";")[0]);
            }
        }
        return types;
    }

    /** Sets a value at a dotted path of maps and list indexes, making the maps on the way. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> object, String path, Object value) {
        String[] steps = path.split("\\.");
        Object current = object;
        for (int i = 0; i < steps.length - 1; i++) {
            current = current instanceof List<?> list
                    ? list.get(Integer.parseInt(steps[i]))
                    : ((Map<String, Object>) current).computeIfAbsent(steps[i], k -> new java.util.LinkedHashMap<>());
        }
        ((Map<String, Object>) current).put(steps[steps.length - 1], value);
    }

    private static List<String> concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        // Flags go before a "--" that starts the container's command.
        int end = all.indexOf("--");
        all.addAll(end < 0 ? all.size() : end, List.of(more));
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) assertInstanceOf(Map.class, value);
    }
}
