package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kmock.api.KResponse;
import kmock.api.Server;
import kmock.internal.payloads.Waiting;

/** Replies that take time: what a reaction's log shows meanwhile, and what closing the server in the middle means. */
class DelayedRepliesTest {

    @RegisterExtension
    final Served served = new Served();

    @Test
    void aReactionLogsItsRequestFromTheMomentItMatches() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RawHandler kmock = served.serve(new RawHandler(), null);
        Reaction slow = kmock.on("get /slow").reply(release, "done");
        CompletableFuture<KResponse> reply = CompletableFuture.supplyAsync(() -> kmock.get("/slow"));
        Waiting.until("the reaction logs the request", () -> slow.size() == 1);
        assertEquals(false, reply.isDone());
        release.countDown();
        assertEquals("\"done\"", reply.get(20, TimeUnit.SECONDS).text());
        assertEquals(1, slow.size());
    }

    @Test
    void aSpentSourceTakesTheRequestOutOfItsLog() {
        RawHandler kmock = served.serve(new RawHandler(), null);
        Reaction once = kmock.on("get /x").reply(List.of("a").iterator());
        Reaction then = kmock.on("get /x").reply("b");
        kmock.get("/x");
        kmock.get("/x");
        assertEquals(1, once.size());
        assertEquals(1, then.size());
    }

    @Test
    void closingTheServerDuringADelayIsNoServerSideError() throws Exception {
        // Started and closed here: closing the server in the middle of a reply is the subject.
        RawHandler kmock = RawHandler.builder().strict(true).build();
        Server server = Server.builder(kmock).start();
        Reaction slow = kmock.on("get /slow").reply(Duration.ofMinutes(10), "late");
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> kmock.get("/slow"));
        Waiting.until("the delayed reply has started", () -> slow.size() == 1);
        server.close();
        Waiting.until("the interrupted call ends", call::isDone);
        assertEquals(List.of(), kmock.errors());
        assertDoesNotThrow(kmock::close);
    }
}
