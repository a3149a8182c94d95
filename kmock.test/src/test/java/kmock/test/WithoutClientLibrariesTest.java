package kmock.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import kmock.test.fixtures.NoClientLibrariesFixture;

/**
 * Run by its own Surefire execution, whose class path lacks client-java and fabric8's implementation (see the
 * pom): the extension never touches what is absent, and a client it cannot make fails naming the artifact.
 */
class WithoutClientLibrariesTest {

    @Test
    void theClassPathLacksTheLibraries() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.kubernetes.client.openapi.ApiClient"));
        assertThrows(
                ClassNotFoundException.class,
                () -> Class.forName("io.fabric8.kubernetes.client.impl.KubernetesClientImpl"));
    }

    @Test
    void handlersAndKubeconfigsWorkAndAClientParameterNamesTheArtifactToAdd() {
        Map<String, String> outcomes = new HashMap<>();
        for (Event finished : EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NoClientLibrariesFixture.class))
                .execute()
                .testEvents()
                .finished()
                .list()) {
            String name =
                    ((MethodSource) finished.getTestDescriptor().getSource().orElseThrow()).getMethodName();
            outcomes.put(
                    name,
                    finished.getPayload(TestExecutionResult.class)
                            .flatMap(TestExecutionResult::getThrowable)
                            .map(Throwable::getMessage)
                            .orElse("passed"));
        }
        assertEquals(
                Map.of(
                        "handlersServersAndKubeconfigsNeedNoClientLibrary",
                        "passed",
                        "aFabric8ClientWithoutItsImplementationNamesTheArtifact",
                        "Cannot make the KubernetesClient parameter: "
                                + "fabric8's client implementation is not on the test class path: add io.fabric8:kubernetes-client "
                                + "(test scope; it brings an HTTP client), not only kubernetes-client-api"),
                outcomes);
    }
}
