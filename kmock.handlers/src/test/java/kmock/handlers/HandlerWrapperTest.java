package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.Handler;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;

/** A Handler.Wrapper around a RawHandler: the wrapper sees every request, the handler still knows its server. */
@BothTransports
class HandlerWrapperTest {

    @Parameter
    String transport;

    @Test
    void aCountingWrapperSeesEachRequestAndTheWrappedHandlerAnswersIt() {
        AtomicInteger seen = new AtomicInteger();
        // Started here, not through Served: the server serves the wrapper, not the handler.
        try (RawHandler kmock = new RawHandler();
                Server server = Server.builder(counting(kmock, seen))
                        .transport(transport)
                        .start()) {
            kmock.on("get /hello").reply("hi".getBytes());
            assertEquals("hi", kmock.get("/hello").text());
            assertEquals(404, kmock.get("/other").status());
            assertEquals(2, seen.get());
        }
    }

    @Test
    void theWrapperAttachesAndDetachesTheWrappedHandlerWithItsServer() {
        // Started and closed here: what closing the wrapper's server does to the handler is the subject.
        try (RawHandler kmock = new RawHandler()) {
            Server server = Server.builder(counting(kmock, new AtomicInteger()))
                    .transport(transport)
                    .start();
            assertSame(server, kmock.server());
            server.close();
            assertThrows(IllegalStateException.class, kmock::server);
        }
    }

    private static Handler counting(Handler inner, AtomicInteger seen) {
        return new Handler.Wrapper(inner) {
            @Override
            public Response handle(Request request) throws Exception {
                seen.incrementAndGet();
                return super.handle(request);
            }
        };
    }
}
