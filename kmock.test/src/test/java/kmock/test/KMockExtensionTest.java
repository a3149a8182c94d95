package kmock.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubernetes.client.openapi.ApiClient;

import kmock.test.fixtures.ClientsFixture;
import kmock.test.fixtures.ControllersFixture;
import kmock.test.fixtures.FailureFixture;
import kmock.test.fixtures.FieldsFixture;
import kmock.test.fixtures.HandlerChoiceFixture;
import kmock.test.fixtures.InjectionFixture;
import kmock.test.fixtures.InstanceFieldFixture;
import kmock.test.fixtures.JvmInterceptionScopesFixture;
import kmock.test.fixtures.ParallelFixture;
import kmock.test.fixtures.PrecedenceFixture;
import kmock.test.fixtures.PropertiesFixture;
import kmock.test.fixtures.RegisteredFixture;
import kmock.test.fixtures.StrictScopesFixture;
import kmock.test.fixtures.scoped.PackageFixture;

class KMockExtensionTest {

    @Test
    void injectsEachHandlerTypeAndTheServer() {
        Events tests = run(InjectionFixture.class);
        tests.assertStatistics(stats -> stats.started(7).succeeded(7));
    }

    @Test
    void injectsKubernetesClientsAndKubeconfigsAndClosesThemAfterTheTest() throws Exception {
        ClientsFixture.HANDED_OUT.clear();
        assertEquals(
                Map.of(),
                outcomes(ClientsFixture.class).entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().toString())));
        assertEquals(5, ClientsFixture.HANDED_OUT.size());
        for (Object handedOut : ClientsFixture.HANDED_OUT) {
            if (handedOut instanceof KubernetesClient client) {
                assertTrue(client.getHttpClient().isClosed(), "a fabric8 client was left open");
            } else if (handedOut instanceof ApiClient client) {
                assertTrue(
                        client.getHttpClient().dispatcher().executorService().isShutdown(),
                        "client-java was left running");
            } else {
                assertFalse(Files.exists((Path) handedOut), "the kubeconfig outlived its test");
            }
        }
    }

    @Test
    void setsFieldsBeforeEachTestAndBackToNullAfter() {
        FieldsFixture.PORTS.clear();
        run(FieldsFixture.class).assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(2, FieldsFixture.PORTS.size());
    }

    @Test
    void declaredTypesChooseTheHandlerAndDisagreementsAreClearErrors() {
        Map<String, Throwable> outcomes = outcomes(HandlerChoiceFixture.class);
        assertNull(outcomes.get("theMostSpecificDeclaredTypeDecides"));
        assertEquals(
                "The KubernetesEmulator parameter cannot take the RawHandler that @KMock(handler = RawHandler.class) "
                        + "makes: declare it as RawHandler (or a supertype), or configure @KMock(handler = KubernetesEmulator.class).",
                outcomes.get("aConfiguredClassThatDoesNotFitFails").getMessage());
        assertEquals(
                "The KubernetesClient parameter needs a Kubernetes API, but @KMock(handler = RawHandler.class) makes a "
                        + "RawHandler: configure @KMock(handler = KubernetesEmulator.class), or drop the handler setting.",
                outcomes.get("aClientOnAConfiguredRawHandlerFails").getMessage());
        assertEquals(
                "The KubernetesScaffold parameter and the Other parameter ask for unrelated handlers, and a test has "
                        + "one: declare both with the same type, or one with a supertype of the other.",
                outcomes.get("unrelatedHandlerTypesFail").getMessage());
        assertEquals(
                "The KubernetesClient parameter needs a Kubernetes API, but the Other parameter asks for a handler "
                        + "that serves none: declare it as a KubernetesEmulator.",
                outcomes.get("aClientWithAnUnrelatedHandlerTypeFails").getMessage());
    }

    @Test
    void strictAndFailOnUnmatchedCanBeSwitchedBackPerMethod() {
        Map<String, Throwable> outcomes = outcomes(StrictScopesFixture.class);
        assertEquals(
                "boom on the server",
                outcomes.get("serverErrorFailsAStrictTest").getMessage());
        assertNull(outcomes.get("strictSwitchedOffForOneMethod"));
        assertEquals("""
                1 request(s) matched no rule:
                GET /users/1 matched no rule; the closest of 1 rule:
                  1. kmock.on("get /users").reply(…)
                       path: expected /users, got /users/1""", outcomes.get("unmatchedRequestFailsAStrictTest").getMessage());
        assertNull(outcomes.get("unmatchedRequestsToleratedWhileStrict"));
        assertEquals(
                """
                1 request(s) matched no rule:
                GET /nowhere matched no rule; the closest of 1 rule:
                  1. kmock.on("get /boom").reply(…)
                       path: expected /boom, got /nowhere""", outcomes.get("unmatchedRequestFailsALenientTestThatAsks").getMessage());
        String contradiction = outcomes.get("contradictingFormsFail").getMessage();
        assertTrue(
                contradiction.endsWith(": @KMock(strict = true, strictness = Switch.OFF) contradicts itself: keep one "
                        + "of the two"),
                contradiction);
    }

    @Test
    void closestAnnotationWinsPerAttribute() {
        run(PrecedenceFixture.class).assertStatistics(stats -> stats.started(4).succeeded(4));
    }

    @Test
    void packageAnnotationAppliesBelowClassAndMethod() {
        run(PackageFixture.class).assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void configurationParametersApplyBelowAnnotations() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("kmock.handler", "raw")
                .configurationParameter("kmock.transport", "jetty")
                .selectors(selectClass(PropertiesFixture.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void jvmInterceptionCanBeSwitchedOffPerMethod() {
        run(JvmInterceptionScopesFixture.class)
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void strictServerErrorFailsTheTestAtTeardown() {
        runMethod(FailureFixture.class, "strictErrorFailsAtTeardown")
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("strictErrorFailsAtTeardown"),
                                finishedWithFailure(
                                        instanceOf(IllegalStateException.class), message("boom on the server"))));
    }

    @Test
    void strictTeardownFailureNamesTheRequestThatCausedIt() {
        Throwable failure = onlyFailure(runMethod(FailureFixture.class, "strictErrorFailsAtTeardown"));
        String note = failure.getSuppressed()[0].getMessage();
        assertTrue(note.startsWith("raised by KMock while serving GET /boom (host 127.0.0.1:"), note);
    }

    @Test
    void lenientServerErrorLetsTheTestPass() {
        runMethod(FailureFixture.class, "lenientErrorDoesNotFail")
                .assertThatEvents()
                .haveExactly(1, event(test("lenientErrorDoesNotFail"), finishedSuccessfully()));
    }

    @Test
    void failedTestListsTheUnmatchedRequests() {
        Events events = runMethod(FailureFixture.class, "failedTestReportsUnmatchedRequests");
        Throwable failure = onlyFailure(events);
        String report = Arrays.stream(failure.getSuppressed())
                .map(Throwable::getMessage)
                .reduce("", String::concat);
        assertTrue(report.endsWith("""
                :
                  1 request(s) matched no rule:
                    GET /nowhere?q=1 matched no rule; the closest of 1 rule:
                      1. kmock.on("get /known").reply(…)
                           path: expected /known, got /nowhere"""), report);
    }

    @Test
    void limitAnswersAnErrorBeyondIt() {
        Throwable failure = onlyFailure(runMethod(FailureFixture.class, "limitCapsRequests"));
        assertTrue(failure.getMessage().contains("beyond the limit"), failure.getMessage());
    }

    @Test
    void twoRegisteredExtensionsRunTwoServers() {
        runPlainMethod(RegisteredFixture.class, "twoServersAnswerSeparately")
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aRegisteredExtensionHandsItsHandlerOutByTypeAndNamesAWrongOne() {
        runPlainMethod(RegisteredFixture.class, "theHandlerIsHandedOutAsItsConfiguredTypeOrNamesTheMismatch")
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void anExtensionOnAnInstanceFieldServesEachTestAndLeavesTheJvmAsItFoundIt() throws Exception {
        InstanceFieldFixture.PORTS.clear();
        SSLContext before = SSLContext.getDefault();
        run(InstanceFieldFixture.class)
                .assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(2, InstanceFieldFixture.PORTS.size(), "each test had a server of its own");
        assertSame(before, SSLContext.getDefault(), "the JVM-wide trust of the KMock CA was released");
    }

    @Test
    void parallelTestsNeverShareAServer() {
        ParallelFixture.PORTS.clear();
        ParallelFixture.together = new CountDownLatch(4);
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(ParallelFixture.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(4));
        assertEquals(4, ParallelFixture.PORTS.size());
    }

    @Test
    void controllersFollowTheClosestScopeAndNeedTheEmulator() {
        Map<String, Throwable> outcomes = outcomes(ControllersFixture.class);
        assertNull(outcomes.get("theClassTurnsThemOn"));
        assertNull(outcomes.get("aMethodTurnsThemOff"));
        assertNull(outcomes.get("aMethodNarrowsThem"));
        String unknown = outcomes.get("anUnknownNameFails").getMessage();
        assertTrue(
                unknown.endsWith("@KMock(controllers = [kubelets]): No controller named 'kubelets': use one of "
                        + String.join(", ", kmock.handlers.Controllers.NAMES)
                        + ", '*' for all, or '-name' to leave one out, or 'none'"),
                unknown);
        String other = outcomes.get("anotherHandlerFails").getMessage();
        assertTrue(
                other.endsWith(
                        "Controllers need a KubernetesEmulator, but the handler is RawHandler: drop the controllers "
                                + "or use the emulator"),
                other);
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    private static Events runMethod(Class<?> fixture, String method) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(fixture, method, "kmock.handlers.RawHandler"))
                .execute()
                .testEvents();
    }

    private static Events runPlainMethod(Class<?> fixture, String method) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(fixture, method))
                .execute()
                .testEvents();
    }

    /** Each test method of a fixture class by name, with its failure, or {@code null} when it passed. */
    private static Map<String, Throwable> outcomes(Class<?> fixture) {
        Map<String, Throwable> outcomes = new HashMap<>();
        for (Event finished : run(fixture).finished().list()) {
            String name =
                    ((MethodSource) finished.getTestDescriptor().getSource().orElseThrow()).getMethodName();
            outcomes.put(
                    name,
                    finished.getPayload(TestExecutionResult.class)
                            .flatMap(TestExecutionResult::getThrowable)
                            .orElse(null));
        }
        return outcomes;
    }

    private static Throwable onlyFailure(Events events) {
        Event failed = events.failed().list().stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("the fixture test did not fail"));
        return failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow(() -> new AssertionError("no throwable"));
    }
}
