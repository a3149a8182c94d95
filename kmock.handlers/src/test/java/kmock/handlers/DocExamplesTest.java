package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.api.Payload;
import kmock.api.Request;
import kmock.api.Server;

/**
 * The examples of the Python original's usage page, of API.md section 2 and of the README, translated to Java as
 * literally as the languages allow, so that the documentation cannot rot. Fixed ports become port 0, so that tests
 * never collide on a busy machine. Each example starts and closes its server itself, as the documentation does.
 */
class DocExamplesTest {

    @Test
    void aHandlerAndItsServerAnswerAnInterceptedHostLocally() {
        List<Request> printed = new CopyOnWriteArrayList<>();
        try (RawHandler kmock = new RawHandler();
                Server server =
                        Server.builder(kmock).port(0).hostnames("google.com").start()) {
            kmock.on("/").reply("Hello, there!".getBytes(), (Consumer<Request>) printed::add);
            KResponse resp = kmock.get("http://google.com/");
            assertEquals("Hello, there!", resp.text());
            assertEquals(1, printed.size());
            assertTrue(kmock.url().toString().startsWith("http://127.0.0.1:"), "Now do: curl -i " + kmock.url());
        }
    }

    @Test
    void aConsumerPayloadSeesEachRequestItAnswers() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RawHandler kmock = new RawHandler();
                Server server =
                        Server.builder(kmock).port(0).hostnames("google.com").start()) {
            kmock.on("/").reply("Hello, there!".getBytes(), (Consumer<Request>) req -> lines.add(String.valueOf(req)));
            KResponse resp = kmock.get("http://google.com/");
            assertEquals("Hello, there!", resp.text());
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).startsWith("GET /"), lines.get(0));
        }
    }

    @Test
    void anEmulatorListsCustomResourceObjectsClusterWide() {
        try (KubernetesEmulator kmock = new KubernetesEmulator();
                Server server = Server.builder(kmock).start()) {
            kmock.objects().put("kopf.dev/v1/kopfexamples", "ns", "name", Map.of("spec", 123));
            KResponse resp = kmock.get("/apis/kopf.dev/v1/kopfexamples");
            Object data = resp.json();
            KObject.assertMatches(Map.of("items", List.of(Map.of("spec", 123))), data);
        }
    }

    @Test
    void aRuleWithoutCriteriaAnswersEveryRequestToAnInterceptedHost() {
        try (RawHandler kmock = new RawHandler();
                Server server =
                        Server.builder(kmock).port(0).hostnames("google.com").start()) {
            kmock.reply("Hello! I am not Google.".getBytes());
            KResponse resp = kmock.get("http://google.com/?q=search");
            assertEquals("Hello! I am not Google.", resp.text());
        }
    }

    @Test
    void theServerUrlIsOnLoopbackAtAnEphemeralPort() {
        try (RawHandler kmock = new RawHandler();
                Server server = Server.builder(kmock).start()) {
            URI url = kmock.url().resolve("/path?q=params");
            assertTrue(url.toString().startsWith("http://127.0.0.1:"));
            assertTrue(url.getPort() >= 1024);
            assertEquals("/path", url.getPath());
        }
    }

    @Test
    void aStatusAndRawJsonBytesReachTheClientAsDeclared() {
        try (RawHandler kmock = new RawHandler();
                Server server = Server.builder(kmock).start()) {
            kmock.on("/").reply(444, "{\"key\": \"val\"}".getBytes());
            KResponse resp = kmock.get("/");
            Object data = resp.json();
            assertEquals(444, resp.status());
            assertEquals(Map.of("key", "val"), data);
        }
    }

    @Test
    void anEndlessGeneratorStreamsLinesUntilTheClientDisconnects() {
        // The stream generator: the current time, then a pause; it ends when the client disconnects.
        Supplier<Iterator<Object>> timestampGenerator = () -> new Iterator<>() {
            private boolean pause;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                pause = !pause;
                return pause ? (Instant.now() + "\n").getBytes() : Duration.ofMillis(20);
            }
        };
        try (RawHandler kmock = new RawHandler();
                Server server = Server.builder(kmock).start()) {
            kmock.on("/").reply(timestampGenerator);
            try (KStream resp = kmock.stream("GET", "/")) {
                for (int i = 0; i < 3; i++) {
                    String line = resp.readLine(Duration.ofSeconds(10));
                    assertTrue(line != null && line.contains("T"), "a timestamp line: " + line + " " + kmock.errors());
                }
            }
        }
    }

    @Test
    void theReadmesFirstExampleAnswersForAnInterceptedHost() {
        try (RawHandler kmock = new RawHandler();
                Server server = Server.builder(kmock).hostnames("google.com").start()) {
            kmock.on("get /").reply("Hello, there!".getBytes());
            KResponse resp = kmock.get("http://google.com/");
            assertEquals("Hello, there!", resp.text());
        }
    }

    @Test
    void theReadmesTourOfTheDslRunsAsWritten() {
        try (RawHandler kmock = new RawHandler();
                Server server = Server.builder(kmock).start()) {
            kmock.on("get /users").reply(List.of(Map.of("name", "ann")));
            kmock.on("post /users", Map.of("dry", "1")).reply(202);
            kmock.on("/text").reply(Payload.text("plain, not JSON"));
            kmock.on("list v1/pods", Criteria.namespace("ns1")).reply(Map.of("items", List.of()));
            assertEquals(List.of(Map.of("name", "ann")), kmock.get("/users").json());
            assertEquals(202, kmock.post("/users?dry=1", Map.of()).status());
            assertEquals("plain, not JSON", kmock.get("/text").text());
            assertEquals(
                    Map.of("items", List.of()),
                    kmock.get("/api/v1/namespaces/ns1/pods").json());
            assertEquals(1, kmock.on("post /users").size());
            assertTrue(kmock.contains("get /users"));

            kmock.on("get /flaky").first(2).reply(503);
            kmock.on("get /flaky").reply("ok");
            assertEquals(503, kmock.get("/flaky").status());
            assertEquals(503, kmock.get("/flaky").status());
            assertEquals("\"ok\"", kmock.get("/flaky").text());
        }
    }

    @Test
    void theReadmesLiveStreamSendsWhatIsFedAfterItsFeedingPoint() {
        try (RawHandler kmock = new RawHandler();
                Server server = Server.builder(kmock).start()) {
            Reaction events = kmock.on("get /events").reply(Payload.stream(Map.of("type", "hello"), Payload.LIVE));
            try (KStream stream = kmock.stream("GET", "/events")) {
                assertEquals("{\"type\":\"hello\"}", stream.readLine(Duration.ofSeconds(5)));
                events.feed(Map.of("type", "update"), Payload.LIVE);
                assertEquals("{\"type\":\"update\"}", stream.readLine(Duration.ofSeconds(5)));
            }
        }
    }

    @Test
    void controllersOnAFixedClockMoveOnlyWhenAdvanced() {
        try (KubernetesEmulator kmock = KubernetesEmulator.builder()
                        .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                        .controllers(Controllers.all()
                                .nodes(3)
                                .delay(Controllers.Transition.READY, Duration.ofSeconds(2))
                                .pods("app=flaky", Map.of(Controllers.EXIT_CODE, "1"))
                                .background(false))
                        .build();
                Server server = Server.builder(kmock).start()) {
            String deployments = "/apis/apps/v1/namespaces/default/deployments";
            Manifests.create(kmock, deployments, Manifests.deployment("web", 3, "nginx:1.27"));
            Manifests.create(kmock, "/api/v1/namespaces/default/pods", Manifests.pod("flaky", "Never", Map.of()));
            kmock.settle();
            assertEquals(
                    "False",
                    Manifests.condition(Manifests.get(kmock, deployments + "/web"), "Available")
                            .get("status"));
            kmock.advance(Duration.ofSeconds(2));
            assertEquals(
                    "True",
                    Manifests.condition(Manifests.get(kmock, deployments + "/web"), "Available")
                            .get("status"));
            assertEquals(
                    "Failed",
                    Manifests.at(Manifests.get(kmock, "/api/v1/namespaces/default/pods/flaky"), "status", "phase"));
        }
    }
}
