package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import kmock.api.Payload;
import kmock.api.Request;
import kmock.api.Response;

/**
 * {@link RawHandler#handleWithoutBlocking}: what a handler answers on a transport's I/O thread, and that when it
 * declines it has done nothing, so that the call of {@code handle} that follows serves the request exactly once.
 */
class AnswerWithoutBlockingTest {

    private static Request get(String path) {
        return Request.builder().method("GET").url("http://127.0.0.1:1" + path).build();
    }

    @Test
    void aReplyOfImmutableValuesIsAnsweredAtOnceAndLogged() throws Exception {
        RawHandler kmock = new RawHandler();
        Reaction ok = kmock.on("get /ok").reply(201, Payload.text("fine"), Payload.headers(Map.of("X-Kind", "quick")));
        Response response = kmock.handleWithoutBlocking(get("/ok"));
        assertNotNull(response);
        assertEquals(201, response.status());
        assertEquals("fine", new String(response.body()));
        assertEquals("quick", response.headers().get("x-kind").get(0));
        assertEquals(1, kmock.size());
        assertEquals(1, ok.size());
    }

    @Test
    void theSameImmutableReplyIsRenderedOnceForEveryRequest() throws Exception {
        RawHandler kmock = new RawHandler();
        kmock.on("get /ok").reply("same");
        assertSame(kmock.handle(get("/ok")), kmock.handle(get("/ok")));
    }

    @Test
    void aListOrMapReplyIsRenderedPerRequestSoThatChangesShow() throws Exception {
        RawHandler kmock = new RawHandler();
        List<String> items = new ArrayList<>(List.of("a"));
        kmock.on("get /items").reply(items);
        assertEquals("[\"a\"]", new String(kmock.handle(get("/items")).body()));
        items.add("b");
        assertEquals("[\"a\",\"b\"]", new String(kmock.handle(get("/items")).body()));
    }

    @Test
    void anUnmatchedRequestIsAnsweredAtOnceWithItsReport() throws Exception {
        RawHandler kmock = new RawHandler();
        kmock.on("get /ok").reply("ok");
        Response response = kmock.handleWithoutBlocking(get("/other"));
        assertNotNull(response);
        assertEquals(404, response.status());
        assertEquals(1, kmock.unmatched().size());
    }

    @Test
    void aDelayIsDeclinedAndNothingIsLogged() throws Exception {
        assertDeclined(kmock -> kmock.on("get /x").reply(Duration.ofMillis(1), "late"));
    }

    @Test
    void aCallableIsDeclinedAndNothingIsLogged() throws Exception {
        assertDeclined(kmock -> kmock.on("get /x").reply((Supplier<String>) () -> "computed"));
    }

    @Test
    void aStreamIsDeclinedAndNothingIsLogged() throws Exception {
        assertDeclined(kmock -> kmock.on("get /x").reply(Payload.stream("a", "b")));
    }

    @Test
    void aPredicateCriterionIsDeclinedAndNothingIsLogged() throws Exception {
        assertDeclined(kmock -> kmock.on((Predicate<Request>) request -> true).reply("ok"));
    }

    @Test
    void aSinkIsDeclinedAndNothingIsLogged() throws Exception {
        assertDeclined(kmock -> kmock.on("get /x").reply("ok").sink(new ArrayList<Request>()));
    }

    @Test
    void aDeclinedRequestIsServedOnceByHandle() throws Exception {
        RawHandler kmock = new RawHandler();
        Reaction late = kmock.on("get /x").reply(Duration.ofMillis(1), "late");
        Request request = get("/x");
        assertNull(kmock.handleWithoutBlocking(request));
        assertEquals("\"late\"", new String(kmock.handle(request).body()));
        assertEquals(1, kmock.size());
        assertEquals(1, late.size());
    }

    @Test
    void aHandlerOfTheUsersOwnServingIsDeclined() throws Exception {
        RawHandler own = new RawHandler() {
            @Override
            protected Response serve(Request request) {
                return Response.of(204);
            }
        };
        assertNull(own.handleWithoutBlocking(get("/anything")));
        assertEquals(0, own.size());
    }

    @Test
    void theEmulatorAnswersDiscoveryAtOnceAndDeclinesObjects() throws Exception {
        KubernetesEmulator kmock = new KubernetesEmulator();
        kmock.resources().loadBundled();
        Response version = kmock.handleWithoutBlocking(get("/version"));
        assertNotNull(version);
        assertEquals(200, version.status());
        assertNull(kmock.handleWithoutBlocking(get("/api/v1/namespaces/default/configmaps")));
        assertEquals(1, kmock.size());
    }

    private static void assertDeclined(java.util.function.Consumer<RawHandler> declaration) throws Exception {
        RawHandler kmock = new RawHandler();
        declaration.accept(kmock);
        assertNull(kmock.handleWithoutBlocking(get("/x")));
        assertEquals(0, kmock.size());
        assertEquals(List.of(), kmock.unmatched());
    }
}
