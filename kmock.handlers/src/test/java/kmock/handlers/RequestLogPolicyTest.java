package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.Payload;
import kmock.api.Request;

/** The request-log options for long runs: how many requests the logs keep, and whether they keep bodies. */
@BothTransports
class RequestLogPolicyTest {

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    @Test
    void aBoundedLogKeepsTheLatestRequests() {
        RawHandler kmock = served.serve(RawHandler.builder().keepRequests(2).build(), transport);
        Reaction echo = kmock.on("get").reply("ok");
        for (int i = 0; i < 5; i++) {
            kmock.get("/r" + i);
        }
        assertEquals(
                List.of("/r3", "/r4"),
                kmock.requests().stream().map(Request::path).toList());
        assertEquals(
                List.of("/r3", "/r4"),
                echo.requests().stream().map(Request::path).toList());
    }

    @Test
    void slicesStillCountTheRequestsThatTheLogForgot() {
        RawHandler kmock = served.serve(RawHandler.builder().keepRequests(1).build(), transport);
        kmock.on("get /x").slice(2, 3).reply("third");
        kmock.on("get /x").reply("other");
        assertEquals(
                List.of("\"other\"", "\"other\"", "\"third\"", "\"other\""),
                List.of(
                        kmock.get("/x").text(),
                        kmock.get("/x").text(),
                        kmock.get("/x").text(),
                        kmock.get("/x").text()));
        assertEquals(1, kmock.size());
    }

    @Test
    void aLogThatKeepsNothingStillServes() {
        RawHandler kmock = served.serve(RawHandler.builder().keepRequests(0).build(), transport);
        kmock.on("get /x").reply("ok");
        assertEquals(200, kmock.get("/x").status());
        assertEquals(List.of(), kmock.requests());
    }

    @Test
    void withoutBodiesTheReplySeesTheBodyAndTheLogDoesNot() {
        RawHandler kmock = served.serve(RawHandler.builder().keepBodies(false).build(), transport);
        kmock.on("post /echo").reply((Function<Request, Object>) request -> Payload.text(request.text()));
        KResponse response = kmock.post("/echo", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals("hello", response.text());
        assertEquals(1, kmock.size());
        assertEquals("", kmock.requests().get(0).text());
        assertEquals(null, kmock.requests().get(0).data());
    }

    @Test
    void withoutBodiesAStreamStillReadsTheBodyUntilItEnds() {
        RawHandler kmock = served.serve(RawHandler.builder().keepBodies(false).build(), transport);
        kmock.on("post /stream").reply(Payload.stream(Payload.text("first\n"), (Function<Request, Object>)
                request -> Payload.text(request.text())));
        assertEquals(
                "first\nbody",
                kmock.post("/stream", "body".getBytes(StandardCharsets.UTF_8)).text());
        assertEquals("", kmock.requests().get(0).text());
    }

    @Test
    void theEmulatorWithoutBodiesStoresWhatWasSent() {
        KubernetesEmulator kmock =
                served.serve(KubernetesEmulator.builder().keepBodies(false).build(), transport);
        kmock.resources().loadBundled();
        kmock.post(
                "/api/v1/namespaces/ns/configmaps", Map.of("metadata", Map.of("name", "cm"), "data", Map.of("k", "v")));
        assertEquals(
                Map.of("k", "v"),
                kmock.objects().get("v1/configmaps", "ns", "cm").get("data"));
        assertEquals(0, kmock.requests().get(kmock.size() - 1).body().length);
    }

    @Test
    void aNegativeBoundIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RawHandler.builder().keepRequests(-1));
    }
}
