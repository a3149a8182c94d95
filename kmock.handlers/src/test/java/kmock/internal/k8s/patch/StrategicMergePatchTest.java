package kmock.internal.k8s.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import kmock.internal.json.Json;
import kmock.internal.k8s.schema.BuiltinSchemas;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.status.KubernetesException;

/** The strategic merge patch engine against kubectl's own patch code, case by case, results and errors alike. */
class StrategicMergePatchTest {

    @TempDir
    static Path dir;

    private static List<StrategicMergeCases.Case> cases;
    private static List<KubectlOracle.Outcome> expected;

    @BeforeAll
    static void askKubectl() {
        cases = StrategicMergeCases.all();
        expected = new KubectlOracle(dir).patchAll(cases);
    }

    static ObjectSchema schemaOf(Map<String, Object> object) {
        ObjectSchema schema = BuiltinSchemas.get()
                .kind(GroupVersionKind.of((String) object.get("apiVersion"), (String) object.get("kind")));
        assertNotNull(schema, "a built-in kind: " + object.get("kind"));
        return schema;
    }

    /** The library's message, which the API server passes on, except for its 422s, which get a generic text. */
    static String expectedMessage(StrategicMergeCases.Case c, KubectlOracle.Outcome outcome) {
        return c.code() == 422 ? "the server rejected our request due to an error in our request" : outcome.error();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseEndsAsKubectlSays() {
        return IntStream.range(0, cases.size())
                .mapToObj(i -> dynamicTest(cases.get(i).name(), () -> {
                    StrategicMergeCases.Case c = cases.get(i);
                    KubectlOracle.Outcome outcome = expected.get(i);
                    Map<String, Object> original = c.freshObject();
                    String before = Json.toText(original);
                    String patch = Json.toText(c.patch());
                    if (outcome.failed()) {
                        KubernetesException e = assertThrows(
                                KubernetesException.class,
                                () -> StrategicMergePatch.apply(original, c.patch(), schemaOf(original)));
                        assertEquals(expectedMessage(c, outcome), e.getMessage().strip());
                        assertEquals(c.code(), e.code(), "the API server's status for: " + e.getMessage());
                    } else {
                        Map<String, Object> result = StrategicMergePatch.apply(original, c.patch(), schemaOf(original));
                        assertEquals(
                                StrategicMergeCases.canonical(outcome.object()), StrategicMergeCases.canonical(result));
                        assertEquals(0, c.code(), "kubectl applied a case that declares an error code");
                        assertFalse(
                                Json.toText(result).contains("\"$"), "no directive is left: " + Json.toText(result));
                    }
                    assertEquals(before, Json.toText(original), "the original is untouched");
                    assertEquals(patch, Json.toText(c.patch()), "the patch is untouched");
                }));
    }

    @Test
    void theSuiteCoversEnoughCases() {
        assertEquals(true, cases.size() >= 30, "cases: " + cases.size());
    }
}
