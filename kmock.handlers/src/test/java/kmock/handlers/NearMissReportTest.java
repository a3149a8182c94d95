package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kmock.api.KResponse;
import kmock.api.Server;

/** Requests that no rule answered: the closest rules and how each was missed, in the 404, the handler and at close. */
class NearMissReportTest {

    @RegisterExtension
    final Served served = new Served();

    private RawHandler kmock;

    @BeforeEach
    void start() {
        kmock = served.serve(new RawHandler(), null);
    }

    private String notFound(KResponse response) {
        assertEquals(404, response.status());
        assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
        return response.text();
    }

    @Test
    void aWrongMethodIsReportedAgainstTheRuleOfThatPath() {
        kmock.on("post /users").reply(201);
        assertEquals("""
                GET /users matched no rule; the closest of 1 rule:
                  1. kmock.on("post /users").reply(…)
                       method: expected POST, got GET
                """, notFound(kmock.get("/users")));
    }

    @Test
    void aWrongPathIsReportedWithBothPaths() {
        kmock.on("get /users").reply(List.of());
        assertEquals("""
                GET /users/2 matched no rule; the closest of 1 rule:
                  1. kmock.on("get /users").reply(…)
                       path: expected /users, got /users/2
                """, notFound(kmock.get("/users/2")));
    }

    @Test
    void aMissingHeaderIsReportedAsAbsent() {
        kmock.on("post /payments", Criteria.headers(Map.of("Idempotency-Key", "k1")))
                .reply(201);
        assertEquals("""
                POST /payments [2 bytes] matched no rule; the closest of 1 rule:
                  1. kmock.on("post /payments", headers{Idempotency-Key=k1}).reply(…)
                       header Idempotency-Key: expected k1, got (absent)
                """, notFound(kmock.post("/payments", Map.of())));
    }

    @Test
    void aDifferentJsonBodyIsReportedAtTheFirstDifferingPath() {
        kmock.on("post /users", Criteria.data(Map.of("user", Map.of("name", "ann"))))
                .reply(201);
        assertEquals("""
                POST /users [23 bytes] matched no rule; the closest of 1 rule:
                  1. kmock.on("post /users", data={"user":{"name":"ann"}}).reply(…)
                       body JSON $.user.name: expected "ann", got "bob"
                """, notFound(kmock.post("/users", Map.of("user", Map.of("name", "bob")))));
    }

    @Test
    void anExtraJsonKeyIsADifferenceToo() {
        kmock.on(Criteria.data(Map.of("name", "ann"))).reply(201);
        String report = notFound(kmock.post("/users", Map.of("name", "ann", "admin", true)));
        assertEquals(
                "       body JSON $.admin: expected (absent), got true",
                report.lines().toList().get(2));
    }

    @Test
    void theThreeClosestRulesComeFewestDifferencesFirst() {
        kmock.on("post /a").reply(1);
        kmock.on("post /b", Map.of("q", "1")).reply(2);
        kmock.on("get /b", Map.of("q", "1")).reply(3);
        kmock.on("put /c").reply(4);
        assertEquals("""
                GET /b?q=2 matched no rule; the closest of 4 rules:
                  1. kmock.on("get /b", {q=1}).reply(…)
                       param q: expected 1, got 2
                  2. kmock.on("post /a").reply(…)
                       method: expected POST, got GET
                       path: expected /a, got /b
                  3. kmock.on("post /b", {q=1}).reply(…)
                       method: expected POST, got GET
                       param q: expected 1, got 2
                """, notFound(kmock.get("/b?q=2")));
    }

    @Test
    void describeUnmatchedListsEveryUnansweredRequestWithItsReport() {
        kmock.on("get /users").reply(List.of());
        kmock.get("/users");
        kmock.get("/user");
        kmock.delete("/users");
        assertEquals("""
                GET /user matched no rule; the closest of 1 rule:
                  1. kmock.on("get /users").reply(…)
                       path: expected /users, got /user
                DELETE /users matched no rule; the closest of 1 rule:
                  1. kmock.on("get /users").reply(…)
                       method: expected GET, got DELETE""", kmock.describeUnmatched());
        assertEquals(2, kmock.unmatched().size());
    }

    @Test
    void spiesAreNotRulesToBeClosestTo() {
        kmock.on("get /seen").reply();
        assertEquals("GET /seen matched no rule; no rules are declared.\n", notFound(kmock.get("/seen")));
    }

    @Test
    void aSpentRuleSaysSo() {
        kmock.on("get /once").reply(List.of("only").iterator());
        assertEquals(200, kmock.get("/once").status());
        assertEquals("""
                GET /once matched no rule; the closest of 1 rule:
                  1. kmock.on("get /once").reply(…) [depleted]
                       reply: spent (a payload source ran dry, so the rule retired)
                """, notFound(kmock.get("/once")));
    }

    @Test
    void aPredicateThatRefusedIsNamedNotRerun() {
        kmock.on("get /p", (java.util.function.Predicate<kmock.api.Request>) r -> false)
                .reply(1);
        assertEquals(
                "       a predicate: did not let it through (not re-run for this report)",
                notFound(kmock.get("/p")).lines().toList().get(2));
    }

    @Test
    void failOnUnmatchedFailsCloseWithTheReports() {
        RawHandler failing = RawHandler.builder().failOnUnmatched(true).build();
        // Started and closed here: what close() throws is the subject.
        try (Server other = Server.builder(failing).start()) {
            failing.on("get /users").reply(List.of());
            failing.get("/users/1");
        }
        AssertionError failure = assertThrows(AssertionError.class, failing::close);
        assertEquals("""
                1 request(s) matched no rule:
                GET /users/1 matched no rule; the closest of 1 rule:
                  1. kmock.on("get /users").reply(…)
                       path: expected /users, got /users/1""", failure.getMessage());
    }

    @Test
    void strictFailsOnUnmatchedUnlessSwitchedOff() {
        RawHandler strict = RawHandler.builder().strict(true).build();
        RawHandler lenient =
                RawHandler.builder().strict(true).failOnUnmatched(false).build();
        // Started and closed here: what close() throws is the subject.
        for (RawHandler handler : List.of(strict, lenient)) {
            try (Server other = Server.builder(handler).start()) {
                assertEquals(404, handler.get("/nowhere").status());
            }
        }
        assertThrows(AssertionError.class, strict::close);
        assertDoesNotThrow(lenient::close);
    }
}
