package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kmock.api.KResponse;
import kmock.handlers.KubernetesEmulator;
import kmock.internal.json.Json;

/**
 * Strategic merge patches of a Deployment that real clients send to the emulator, and their expected results:
 * what {@code kubectl patch --local --type strategic} (the API server's patch code) makes of the object as the
 * emulator stored it, with the API server's defaults of what a patch removed. The patches add no list items that the
 * API server would default.
 */
final class StrategicPatches {

    static final String NAMESPACE = "default";

    /** Patches by what they show. */
    static final Map<String, String> CASES = cases();

    private StrategicPatches() {}

    private static Map<String, String> cases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("image", "{'spec':{'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.27'}]}}}}");
        cases.put(
                "env",
                "{'spec':{'template':{'spec':{'containers':[{'name':'web','env':[{'name':'B','value':'20'},"
                        + "{'name':'D','value':'4'},{'name':'A','$patch':'delete'}]}]}}}}");
        cases.put(
                "finalizers",
                "{'metadata':{'finalizers':['example.com/c'],'$deleteFromPrimitiveList/finalizers':['example.com/a']}}");
        cases.put("retainKeys", "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}");
        cases.put(
                "setElementOrder",
                "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'sidecar'},{'name':'web'}]}}}}");
        cases.put(
                "deleteContainer",
                "{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','$patch':'delete'}]}}}}");
        cases.put("nulls", "{'metadata':{'labels':{'tier':null,'version':'2'}},'spec':{'replicas':null}}");
        cases.replaceAll((name, patch) -> patch.replace('\'', '"'));
        return cases;
    }

    /** A Deployment named {@code name} with two containers, env, finalizers and a rolling update strategy. */
    static Map<String, Object> deployment(String name) {
        return Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of(
                        "name",
                        name,
                        "labels",
                        Map.of("app", "web", "tier", "front"),
                        "finalizers",
                        List.of("example.com/a", "example.com/b")),
                "spec",
                Map.of(
                        "replicas",
                        2,
                        "selector",
                        Map.of("matchLabels", Map.of("app", "web")),
                        "strategy",
                        Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("maxSurge", 1, "maxUnavailable", 0)),
                        "template",
                        Map.of(
                                "metadata",
                                Map.of("labels", Map.of("app", "web")),
                                "spec",
                                Map.of(
                                        "containers",
                                        List.of(
                                                Map.of(
                                                        "name",
                                                        "web",
                                                        "image",
                                                        "nginx:1.25",
                                                        "env",
                                                        List.of(
                                                                Map.of("name", "A", "value", "1"),
                                                                Map.of("name", "B", "value", "2"),
                                                                Map.of("name", "C", "value", "3"))),
                                                Map.of("name", "sidecar", "image", "busybox"))))));
    }

    /** Creates the Deployment over HTTP, so that it is stored as the API server stores it (decoded into its Go type). */
    static void create(KubernetesEmulator kmock, String name) {
        KResponse created = kmock.post("/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments", deployment(name));
        assertEquals(201, created.status(), created.text());
    }

    /** The stored Deployment, as the emulator holds it. */
    static Map<String, Object> stored(KubernetesEmulator kmock, String name) {
        return kmock.objects().get("apps/v1/deployments", NAMESPACE, name);
    }

    /** What kubectl's patch code makes of an object with a patch. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expected(KubectlRunner kubectl, Path dir, Map<String, Object> object, String patch)
            throws IOException, InterruptedException {
        Path file = Files.writeString(Files.createTempFile(dir, "object", ".json"), Json.toText(object));
        String out = kubectl.ok(
                List.of("patch", "--local", "-f", file.toString(), "--type", "strategic", "-p", patch, "-o", "json"));
        Map<String, Object> patched = (Map<String, Object>) Json.parse(out);
        // The API server defaults the patched object: a replica count the patch removed is 1 again
        // (pkg/apis/apps/v1/defaults.go: SetDefaults_Deployment); kubectl's local patch does not default.
        ((Map<String, Object>) patched.get("spec")).putIfAbsent("replicas", 1);
        return patched;
    }

    /** Asserts that a patched object equals the expected one, but for the metadata every write changes. */
    static void assertPatched(Map<String, Object> expected, Map<String, Object> actual, String what) {
        assertEquals(canonical(expected), canonical(actual), what);
    }

    /** The JSON text without resourceVersion, generation and managedFields, every map's keys sorted. */
    private static String canonical(Map<String, Object> object) {
        Map<String, Object> copy = sorted(object);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) copy.get("metadata");
        metadata.keySet().removeAll(List.of("resourceVersion", "generation", "managedFields"));
        return Json.toText(copy);
    }

    @SuppressWarnings("unchecked")
    private static <T> T sorted(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> tree = new TreeMap<>();
            map.forEach((k, v) -> tree.put(String.valueOf(k), sorted(v)));
            return (T) tree;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(StrategicPatches::sorted).toList();
        }
        return value;
    }
}
