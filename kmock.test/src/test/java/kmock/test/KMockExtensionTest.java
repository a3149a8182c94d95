package kmock.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import kmock.test.fixtures.FailureFixture;
import kmock.test.fixtures.InjectionFixture;
import kmock.test.fixtures.ParallelFixture;
import kmock.test.fixtures.PrecedenceFixture;
import kmock.test.fixtures.PropertiesFixture;
import kmock.test.fixtures.RegisteredFixture;
import kmock.test.fixtures.scoped.PackageFixture;

class KMockExtensionTest {

    @Test
    void injectsEachHandlerTypeAndTheServer() {
        Events tests = run(InjectionFixture.class);
        tests.assertStatistics(stats -> stats.started(5).succeeded(5));
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
                .execute().testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void strictServerErrorFailsTheTestAtTeardown() {
        runMethod(FailureFixture.class, "strictErrorFailsAtTeardown")
                .assertThatEvents().haveExactly(1, event(test("strictErrorFailsAtTeardown"),
                        finishedWithFailure(instanceOf(IllegalStateException.class), message("boom on the server"))));
    }

    @Test
    void lenientServerErrorLetsTheTestPass() {
        runMethod(FailureFixture.class, "lenientErrorDoesNotFail")
                .assertThatEvents().haveExactly(1, event(test("lenientErrorDoesNotFail"), finishedSuccessfully()));
    }

    @Test
    void failedTestListsTheUnmatchedRequests() {
        Events events = runMethod(FailureFixture.class, "failedTestReportsUnmatchedRequests");
        Throwable failure = onlyFailure(events);
        String report = Arrays.stream(failure.getSuppressed()).map(Throwable::getMessage).reduce("", String::concat);
        assertTrue(report.contains("1 request(s) matched no rule"), report);
        assertTrue(report.contains("GET /nowhere?q=1"), report);
    }

    @Test
    void limitAnswersAnErrorBeyondIt() {
        Throwable failure = onlyFailure(runMethod(FailureFixture.class, "limitCapsRequests"));
        assertTrue(failure.getMessage().contains("beyond the limit"), failure.getMessage());
    }

    @Test
    void twoRegisteredExtensionsRunTwoServers() {
        run(RegisteredFixture.class).assertStatistics(stats -> stats.started(1).succeeded(1));
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
                .execute().testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(4));
        assertEquals(4, ParallelFixture.PORTS.size());
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    private static Events runMethod(Class<?> fixture, String method) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(fixture, method, "kmock.handlers.RawHandler")).execute().testEvents();
    }

    private static Throwable onlyFailure(Events events) {
        Event failed = events.failed().list().stream().findFirst()
                .orElseThrow(() -> new AssertionError("the fixture test did not fail"));
        return failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow(() -> new AssertionError("no throwable"));
    }
}
