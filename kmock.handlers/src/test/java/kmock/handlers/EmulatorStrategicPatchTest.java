package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.internal.json.Json;
import kmock.internal.k8s.patch.KubectlOracle;
import kmock.internal.k8s.patch.StrategicMergeCases;

/**
 * Every strategic merge patch case over real HTTP. The API server decodes a patch's result into the kind's Go type
 * and stores it as it stores a replaced object; so the emulator's answer to a PATCH must equal its answer to a PUT,
 * on a twin of the object, of what kubectl's patch code makes of the object as the emulator stored it. A refused
 * patch is the API server's Status and changes nothing.
 */
@BothTransports
class EmulatorStrategicPatchTest {

    private static final Map<String, String> STRATEGIC =
            Map.of("Content-Type", "application/strategic-merge-patch+json");
    /** Metadata a write changes by itself (or may: generation), left out of the comparison. */
    private static final List<String> WRITE_METADATA = List.of("resourceVersion", "generation", "managedFields");
    /** Expected outcomes by input, shared by the transports, so that kubectl runs once per case. */
    private static final Map<String, KubectlOracle.Outcome> ORACLE = new ConcurrentHashMap<>();

    @Parameter
    String transport;

    @TempDir
    Path dir;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
    }

    /** The collection URL of an object's kind. */
    private String collection(Map<String, Object> object) {
        String apiVersion = (String) object.get("apiVersion");
        String plural = kmock.resources().keys().stream()
                .filter(r -> r.apiVersion().equals(apiVersion)
                        && kmock.resources().get(r).kindFor(r.plural()).equals(object.get("kind")))
                .map(r -> r.plural())
                .findFirst()
                .orElseThrow();
        String namespace = (String) metadata(object).get("namespace");
        return (apiVersion.contains("/") ? "/apis/" : "/api/") + apiVersion
                + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Object object) {
        return (Map<String, Object>) ((Map<String, Object>) object).get("metadata");
    }

    /** A stored object without the metadata that only this emulator run gives it (uid, timestamps, versions). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(Object object) {
        Map<String, Object> copy = (Map<String, Object>) Json.parse(Json.toText(object));
        metadata(copy).keySet().removeAll(WRITE_METADATA);
        metadata(copy).keySet().removeAll(List.of("uid", "creationTimestamp"));
        return copy;
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAnswersAsKubectlComputesIt() {
        List<StrategicMergeCases.Case> cases = StrategicMergeCases.all().stream()
                .filter(c -> c.engineOnly() == null)
                .toList();
        List<String> urls = new ArrayList<>();
        List<String> twins = new ArrayList<>();
        List<Map<String, Object>> stored = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> object = cases.get(i).freshObject();
            // Objects of their own per case: a namespace, or a name for cluster-scoped kinds.
            if (metadata(object).containsKey("namespace")) {
                metadata(object).put("namespace", "case-" + i);
            } else {
                metadata(object).put("name", metadata(object).get("name") + "-" + i);
            }
            urls.add(create(object, (String) metadata(object).get("name")));
            twins.add(create(object, metadata(object).get("name") + "-twin"));
            stored.add(comparable(kmock.get(urls.get(i)).json()));
        }
        askKubectl(cases, stored);
        return IntStream.range(0, cases.size())
                .mapToObj(i -> dynamicTest(cases.get(i).name(), () -> {
                    StrategicMergeCases.Case c = cases.get(i);
                    KubectlOracle.Outcome outcome = ORACLE.get(key(stored.get(i), c.patch()));
                    String subresource = c.subresource() == null ? "" : "/" + c.subresource();
                    String before = Json.toText(kmock.get(urls.get(i)).json());

                    KResponse response = kmock.patch(
                            urls.get(i) + subresource,
                            Json.toText(c.patch()).getBytes(StandardCharsets.UTF_8),
                            STRATEGIC);

                    if (outcome.failed()) {
                        assertEquals(c.code(), response.status(), response.text());
                        Map<?, ?> status = (Map<?, ?>) response.json();
                        assertEquals("Status", status.get("kind"));
                        assertEquals(
                                c.code() == 422
                                        ? "the server rejected our request due to an error in our request"
                                        : outcome.error(),
                                ((String) status.get("message")).strip());
                        assertEquals(
                                before, Json.toText(kmock.get(urls.get(i)).json()), "a refused patch changes nothing");
                        return;
                    }
                    assertEquals(200, response.status(), response.text());
                    assertEquals(
                            Json.toText(response.json()),
                            Json.toText(kmock.get(urls.get(i)).json()),
                            "the answer is what is stored");
                    Map<String, Object> replacement = outcome.object();
                    Map<?, ?> twin = (Map<?, ?>) kmock.get(twins.get(i)).json();
                    metadata(replacement).put("name", metadata(twin).get("name"));
                    String ownIp = clusterIp(replacement);
                    if (ownIp != null) {
                        // Every Service has its own cluster IP: the twin keeps its own, and answers as if it had the
                        // original's.
                        setClusterIp(replacement, clusterIp(twin));
                    }
                    KResponse replaced = kmock.put(twins.get(i) + subresource, replacement);
                    assertEquals(200, replaced.status(), replaced.text());
                    String answer = StrategicMergeCases.canonical(withoutName(replaced.json()));
                    if (ownIp != null) {
                        answer = answer.replace("\"" + clusterIp(twin) + "\"", "\"" + ownIp + "\"");
                    }
                    assertEquals(answer, StrategicMergeCases.canonical(withoutName(response.json())));
                }));
    }

    /** A Service's allocated cluster IP, or {@code null} for other objects. */
    private static String clusterIp(Object object) {
        return ((Map<?, ?>) object).get("spec") instanceof Map<?, ?> spec && spec.get("clusterIP") instanceof String ip
                ? ip
                : null;
    }

    @SuppressWarnings("unchecked")
    private static void setClusterIp(Map<String, Object> service, String ip) {
        Map<String, Object> spec = (Map<String, Object>) service.get("spec");
        spec.put("clusterIP", ip);
        spec.put("clusterIPs", List.of(ip));
    }

    /** Creates an object under a name and answers its URL. */
    private String create(Map<String, Object> object, String name) {
        metadata(object).put("name", name);
        KResponse created = kmock.post(collection(object), object);
        assertEquals(201, created.status(), created.text());
        return collection(object) + "/" + name;
    }

    private static Map<String, Object> withoutName(Object object) {
        Map<String, Object> copy = comparable(object);
        metadata(copy).remove("name");
        return copy;
    }

    private void askKubectl(List<StrategicMergeCases.Case> cases, List<Map<String, Object>> stored) {
        List<Map<String, Object>> objects = new ArrayList<>();
        List<Map<String, Object>> patches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (!ORACLE.containsKey(key(stored.get(i), cases.get(i).patch()))) {
                objects.add(stored.get(i));
                patches.add(cases.get(i).patch());
            }
        }
        List<KubectlOracle.Outcome> outcomes = new KubectlOracle(dir).patchAll(objects, patches);
        for (int i = 0; i < objects.size(); i++) {
            ORACLE.put(key(objects.get(i), patches.get(i)), outcomes.get(i));
        }
    }

    private static String key(Map<String, Object> object, Map<String, Object> patch) {
        return StrategicMergeCases.canonical(object) + "\n" + Json.toText(patch);
    }
}
