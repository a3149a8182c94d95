package kmock.internal.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.KStream;
import kmock.api.Payload;
import kmock.handlers.BothTransports;
import kmock.internal.payloads.ReplyServer;
import kmock.internal.payloads.Responder;
import kmock.internal.payloads.Waiting;

/**
 * A stream that ends in a feeding point, fed a new feeding point 100,000 times while a client reads, keeps its
 * memory flat: no recursion, no growing buffer. Measured by the heap retained after a full GC at 10,000 and at
 * 100,000 feeds, and by the fed items being collectable once sent.
 */
@BothTransports
class LiveStreamMemoryTest {

    private static final int FEEDS = 100_000;
    private static final int EARLY = 10_000;
    private static final int ITEM_SIZE = 512;
    private static final int WINDOW = 16;
    /** 90,000 retained items of 512 bytes would be over 46 MB; the margin is a third of that. */
    private static final long MARGIN = 16L * 1024 * 1024;

    @Parameter
    String transport;

    @Test
    void hundredThousandFeedsWithANewFeedingPointKeepMemoryFlat() throws Exception {
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.stream(Payload.LIVE));
        try (ReplyServer server = ReplyServer.start(transport, responder);
                KStream stream = server.client().stream("GET", "/")) {
            AtomicInteger received = new AtomicInteger();
            AtomicReference<String> wrong = new AtomicReference<>();
            Thread reader = new Thread(
                    () -> {
                        while (received.get() < FEEDS) {
                            String line = stream.readLine(Waiting.DEADLINE);
                            if (line == null || line.length() != ITEM_SIZE - 1) {
                                wrong.set(line == null ? "the stream ended or stalled" : "a line of " + line.length());
                                return;
                            }
                            received.incrementAndGet();
                        }
                    },
                    "test-live-reader");
            reader.start();

            List<WeakReference<byte[]>> sent = new ArrayList<>();
            long heapAtEarly = 0;
            for (int i = 0; i < FEEDS; i++) {
                int fed = i;
                Waiting.until(
                        "the client read up to " + (fed - WINDOW),
                        () -> received.get() >= fed - WINDOW || wrong.get() != null);
                assertNull(wrong.get());
                byte[] item = line(i);
                if (i < 1000) {
                    sent.add(new WeakReference<>(item));
                }
                responder.feed(item, Payload.LIVE);
                if (i == EARLY) {
                    heapAtEarly = retainedHeap();
                }
            }
            Waiting.until("the client read every line", () -> received.get() == FEEDS || wrong.get() != null);
            assertNull(wrong.get());
            long heapAtEnd = retainedHeap();

            System.out.printf(
                    "%s: retained heap %d KiB after %d feeds, %d KiB after %d feeds%n",
                    transport, heapAtEarly / 1024, EARLY, heapAtEnd / 1024, FEEDS);
            assertTrue(
                    heapAtEnd - heapAtEarly < MARGIN,
                    "retained heap grew by " + (heapAtEnd - heapAtEarly) / 1024 + " KiB from " + EARLY + " to " + FEEDS
                            + " feeds");
            Waiting.until("the first fed items are collectable", () -> {
                System.gc();
                return sent.stream().allMatch(reference -> reference.get() == null);
            });
            assertEquals(1, responder.waiting(), "the stream still waits at its newest feeding point");

            responder.feed(new byte[0]);
            assertNull(stream.readLine(Waiting.DEADLINE), "a feed without a feeding point ends the stream");
            reader.join(Waiting.DEADLINE.toMillis());
        }
    }

    private static byte[] line(int index) {
        byte[] line = new byte[ITEM_SIZE];
        Arrays.fill(line, (byte) ('a' + index % 26));
        line[ITEM_SIZE - 1] = '\n';
        return line;
    }

    private static long retainedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
