package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.Action;
import kmock.api.Method;
import kmock.api.Request;
import kmock.api.Server;

/**
 * The matching behaviours of the Python original (criteria, priorities, slices, spies, logs, errors, URLs), through
 * real HTTP.
 */
@BothTransports
class MatchingTest {

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private RawHandler kmock;
    private Server server;

    @BeforeEach
    void start() {
        kmock = new RawHandler();
        server = served.server(kmock, transport, builder -> builder.hostnames("api.example.invalid"));
    }

    private String text(String method, String url) {
        return kmock.request(method, url, null, Map.of()).text();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void criteriaAreAndedAndNoneMatchesEverything() {
        kmock.on("get", "/both").reply(bytes("both"));
        kmock.on("post").on("/both").reply(bytes("chained"));
        kmock.on().reply(bytes("anything"));
        assertEquals("both", text("GET", "/both"));
        assertEquals("chained", text("POST", "/both"));
        assertEquals("anything", text("PUT", "/both"));
        assertEquals("anything", text("GET", "/elsewhere"));
    }

    @Test
    void pathsAndPatternsMatchFully() {
        kmock.on("/exact").reply(bytes("exact"));
        kmock.on(Pattern.compile("/prefix/.*")).reply(bytes("prefix"));
        assertEquals("exact", text("GET", "/exact"));
        assertEquals(404, kmock.get("/exact/more").status());
        assertEquals("prefix", text("GET", "/prefix/a/b"));
        assertEquals(404, kmock.get("/prefixed").status());
    }

    @Test
    void paramsHeadersAndCookiesMatchAsSubsets() {
        kmock.on(Map.of("q", "1", "any", Criteria.ANY)).reply(bytes("params"));
        kmock.on(Criteria.headers(Map.of("X-Token", Pattern.compile("t-\\d+")))).reply(bytes("headers"));
        kmock.on(Criteria.cookies(Map.of("session", "abc"))).reply(bytes("cookies"));
        assertEquals("params", text("GET", "/?q=1&any=x&extra=y"));
        assertEquals(404, kmock.get("/?q=1").status(), "'any' must be present");
        assertEquals(
                "headers",
                kmock.get("/", Map.of("X-Token", "t-42", "X-Other", "o")).text());
        assertEquals(
                "cookies",
                kmock.get("/", Map.of("Cookie", "session=abc; theme=dark")).text());
    }

    @Test
    void mapsOfWellKnownHeadersAreHeadersOthersAreParams() {
        kmock.on(Map.of("Accept", "application/json", "X-Trace", Criteria.ANY)).reply(bytes("headers"));
        kmock.on(Map.of("accept", "text")).reply(bytes("params too"));
        assertEquals(
                "headers",
                kmock.get("/", Map.of("Accept", "application/json", "X-Trace", "1"))
                        .text());
        assertEquals(404, kmock.get("/?Accept=application/json&X-Trace=1").status(), "those are headers, not params");
        assertEquals(
                "headers",
                kmock.get("/?accept=text", Map.of("Accept", "application/json", "X-Trace", "1"))
                        .text());
    }

    @Test
    void bodyTextAndDataCriteria() {
        kmock.on(Criteria.body(bytes("raw"))).reply(bytes("body"));
        kmock.on(Criteria.text(Pattern.compile("hello .*"))).reply(bytes("text"));
        kmock.on(Criteria.data(Map.of("a", 1))).reply(bytes("data"));
        kmock.on("post", Criteria.body((byte[]) null)).reply(bytes("none"));
        assertEquals("body", kmock.post("/", bytes("raw")).text());
        assertEquals("text", kmock.post("/", bytes("hello world")).text());
        assertEquals("data", kmock.post("/", Map.of("a", 1)).text());
        assertEquals("none", kmock.post("/", null).text());
    }

    @Test
    void kubernetesFieldsAreParsedFromEveryRequest() {
        kmock.on("list", "v1/pods", Criteria.namespace("ns1")).reply(bytes("list in ns1"));
        kmock.on(Action.FETCH, Criteria.name("p1"), Criteria.namespace(Pattern.compile("ns\\d")))
                .reply(bytes("fetch"));
        kmock.on("watch kopf.dev/v1/kopfexamples").reply(bytes("watch"));
        kmock.on(Action.CREATE, Criteria.name("from-body")).reply(bytes("create"));
        kmock.on(Action.UPDATE, Criteria.subresource("status")).reply(bytes("status"));
        kmock.on(Action.DELETE, Criteria.namespace(null)).reply(bytes("cluster-wide delete"));
        assertEquals("list in ns1", text("GET", "/api/v1/namespaces/ns1/pods"));
        assertEquals("fetch", text("GET", "/api/v1/namespaces/ns2/pods/p1"));
        assertEquals("watch", text("GET", "/apis/kopf.dev/v1/kopfexamples?watch=true"));
        assertEquals(
                "create",
                kmock.post("/api/v1/namespaces/ns1/configmaps", Map.of("metadata", Map.of("name", "from-body")))
                        .text());
        assertEquals(
                "status",
                kmock.patch("/apis/apps/v1/namespaces/ns/deployments/d/status", Map.of())
                        .text());
        assertEquals("cluster-wide delete", text("DELETE", "/api/v1/namespaces/gone"));
    }

    @Test
    void everyResourceNotationAndPartialResources() {
        kmock.on("pods.v1").reply(bytes("dotted core"));
        kmock.on("kopfexamples.v1.kopf.dev").reply(bytes("dotted group"));
        kmock.on(Criteria.resource("deployments")).reply(bytes("any deployments"));
        assertEquals("dotted core", text("GET", "/api/v1/pods"));
        assertEquals("dotted group", text("GET", "/apis/kopf.dev/v1/kopfexamples"));
        assertEquals("any deployments", text("GET", "/apis/apps/v1beta2/deployments"));
    }

    @Test
    void highestPriorityWinsAndFallbacksNest() {
        kmock.fallback().fallback().reply(bytes("deepest"));
        kmock.fallback().on("/f").reply(bytes("fallback"));
        kmock.on("/p").reply(bytes("first plain"));
        kmock.on("/p").reply(bytes("second plain"));
        kmock.priority(10).on("/p").reply(bytes("ten"));
        kmock.priority(10).priority(1).on("/p").reply(bytes("ten-one"));
        kmock.override().on("/o").reply(bytes("override"));
        kmock.on("/o").reply(bytes("plain"));
        assertEquals("ten-one", text("GET", "/p"));
        assertEquals("fallback", text("GET", "/f"));
        assertEquals("deepest", text("GET", "/nothing"));
        assertEquals("override", text("GET", "/o"));
    }

    @Test
    void slicesCountPerView() {
        View root = kmock.on("get /");
        root.first(2).reply(bytes("early"));
        root.reply(bytes("late"));
        kmock.on("get /other").skip(1).reply(bytes("skipped one"));
        assertEquals("early", text("GET", "/"));
        assertEquals(404, kmock.get("/other").status(), "the other view counts its own requests");
        assertEquals("early", text("GET", "/"));
        assertEquals("late", text("GET", "/"));
        assertEquals("skipped one", text("GET", "/other"));
        assertEquals(2, root.first(2).size());
        assertEquals(3, root.size());
    }

    @Test
    void spiesRecordAndMatchingContinuesButEmptyBodiesAnswer() {
        Reaction spy = kmock.on("/s").reply();
        kmock.on("/s").reply(bytes("after the spy"));
        Reaction empty = kmock.on("/e").reply(new byte[0]);
        kmock.on("/e").reply(bytes("never"));
        assertEquals("after the spy", text("GET", "/s"));
        assertEquals(1, spy.size());
        assertEquals("", text("GET", "/e"));
        assertEquals(1, empty.size());
    }

    @Test
    void unmatchedRequestsGetA404SayingWhy() {
        assertEquals(404, kmock.get("/nowhere").status());
        assertEquals(
                "GET /nowhere matched no rule; no rules are declared.\n",
                kmock.get("/nowhere").text());
        assertEquals(2, kmock.unmatched().size());
    }

    @Test
    void logsHoldEveryRequestAndViewsTheirOwn() {
        kmock.on("get /a").reply(bytes("a"));
        kmock.get("/a");
        kmock.get("/b");
        kmock.post("/a", bytes("x"));
        assertEquals(3, kmock.size());
        assertEquals(
                List.of("/a", "/b", "/a"),
                kmock.requests().stream().map(Request::path).toList());
        View posts = kmock.on(Method.POST);
        assertEquals(1, posts.size());
        assertEquals("POST", posts.get(0).method());
        assertEquals("/b", kmock.get(-2).path());
        assertTrue(kmock.contains("post /a"));
        assertFalse(kmock.contains("/c"));
        assertEquals(
                2, kmock.on("/a").or(kmock.on("/b")).except(kmock.on("post")).size());
        assertEquals(1, kmock.on("/a").and(kmock.on("post")).size());
    }

    @Test
    void errorsAreCollectedAndStrictRethrowsAtClose() {
        RawHandler strict = RawHandler.builder().strict(true).limit(2).build();
        // Started and closed here: what close() throws is the subject.
        try (Server other = Server.builder(strict).transport(transport).start()) {
            strict.on("/boom").reply(new IllegalStateException("first"));
            assertEquals(500, strict.get("/boom").status());
            assertEquals(404, strict.get("/x").status());
            assertTrue(strict.get("/x").status() >= 400, "beyond the limit");
            assertEquals(2, strict.errors().size());
        }
        IllegalStateException thrown =
                org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, strict::close);
        assertEquals("first", thrown.getMessage());
        List<String> suppressed = java.util.Arrays.stream(thrown.getSuppressed())
                .map(Throwable::getMessage)
                .toList();
        assertEquals(3, suppressed.size(), suppressed.toString());
        assertTrue(suppressed.get(0).startsWith("raised by KMock while serving GET /boom"), suppressed.get(0));
        assertTrue(suppressed.get(1).startsWith("The request limit of 2 is reached"), suppressed.get(1));
        assertTrue(
                suppressed.get(2).startsWith("1 request(s) matched no rule:\nGET /x matched no rule"),
                suppressed.get(2));
    }

    @Test
    void relativeUrlsGoToTheServer() {
        kmock.on("get /rel").reply(bytes("relative"));
        assertEquals("relative", kmock.get("rel").text());
        assertEquals(server.url(), kmock.url());
    }

    @Test
    void interceptedHostsAndTheOwnAddressReachTheServer() {
        kmock.on("/").reply(bytes("intercepted"));
        assertEquals("intercepted", kmock.get("http://API.example.invalid/").text());
        assertEquals("intercepted", kmock.get(server.url().toString()).text());
    }

    @Test
    void futuresAndLatchesMatchOnceDone() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CountDownLatch latch = new CountDownLatch(1);
        kmock.on("/f", ready).reply(bytes("ready"));
        kmock.on("/l", latch).reply(bytes("open"));
        assertEquals(404, kmock.get("/f").status());
        assertEquals(404, kmock.get("/l").status());
        ready.complete(null);
        latch.countDown();
        assertEquals("ready", text("GET", "/f"));
        assertEquals("open", text("GET", "/l"));
    }
}
