package kmock.internal.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.handlers.BothTransports;
import kmock.internal.payloads.ReplyServer;
import kmock.internal.payloads.Responder;

/** A depletable stream shared by concurrent requests serves each of its items exactly once. */
@BothTransports
class ConcurrentDepletionTest {

    private static final int ITEMS = 3_000;
    /** Items are numbers from 1000 on: a plain 100..999 before a stream's first chunk would be a status. */
    private static final int FIRST = 1_000;

    private static final int CLIENTS = 16;

    @Parameter
    String transport;

    @Test
    void sixteenClientsGetEachItemOfADepletableStreamExactlyOnce() throws Exception {
        Responder responder = new Responder(new LiveHub());
        responder.add(IntStream.range(FIRST, FIRST + ITEMS).boxed());
        Queue<Integer> served = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            List<Future<Integer>> requests = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                requests.add(clients.submit(() -> {
                    int answered = 0;
                    for (KResponse response = server.client().get("/");
                            response.status() == 200;
                            response = server.client().get("/")) {
                        response.text().lines().map(Integer::valueOf).forEach(served::add);
                        answered++;
                    }
                    return answered;
                }));
            }
            for (Future<Integer> request : requests) {
                request.get(60, TimeUnit.SECONDS);
            }
            assertTrue(server.errors().isEmpty(), server.errors().toString());
            assertEquals(0, server.active(), "the depleted reaction retired");
        } finally {
            clients.shutdownNow();
        }
        List<Integer> sorted = new ArrayList<>(served);
        sorted.sort(null);
        assertEquals(ITEMS, sorted.size(), "items served");
        assertTrue(sorted.equals(IntStream.range(FIRST, FIRST + ITEMS).boxed().toList()), "each item exactly once");
    }
}
