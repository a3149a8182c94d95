package kmock.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.Server;
import kmock.handlers.RawHandler;
import kmock.it.transport.BothTransports;
import kmock.it.transport.Deadline;

/** A thousand start-request-stop cycles leave the thread count and the open file descriptors where they were. */
@BothTransports
class LeakTest {

    private static final int CYCLES = 1000;
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Parameter
    String transport;

    @Test
    void aThousandCyclesLeaveThreadsAndFileDescriptorsFlat() {
        RawHandler kmock = new RawHandler();
        kmock.on("get /ping").reply("pong");
        cycles(kmock, 50);
        Deadline.await("no KMock threads after warm-up", SETTLE, () -> Deadline.kmockThreads()
                .isEmpty());
        Deadline.await("the warm-up's HTTP client threads collected", SETTLE, () -> {
            System.gc();
            return Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("HttpClient-"));
        });
        int threadsBefore = Thread.activeCount();
        long fdsBefore = openFileDescriptors();
        long start = System.nanoTime();
        cycles(kmock, CYCLES);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Deadline.await("no KMock threads after the cycles", SETTLE, () -> Deadline.kmockThreads()
                .isEmpty());
        // Some threads end after close() returns: on JDK 17 the java.net.http client's selector thread ends once
        // the closed client is garbage, hence the collections. What matters is that the counts come back.
        Deadline.await("threads back to " + threadsBefore, SETTLE, () -> {
            System.gc();
            return Thread.activeCount() <= threadsBefore;
        });
        Deadline.await("file descriptors back to " + fdsBefore, SETTLE, () -> {
            System.gc();
            return openFileDescriptors() <= fdsBefore;
        });
        int threadsAfter = Thread.activeCount();
        long fdsAfter = openFileDescriptors();
        Figures.record(
                "leaks: start + GET + stop cycles",
                transport,
                CYCLES,
                0,
                "threads " + threadsBefore + " -> " + threadsAfter + ", open fds " + fdsBefore + " -> " + fdsAfter
                        + "; " + CYCLES + " cycles in " + millis + " ms");
        assertEquals(0, kmock.errors().size());
    }

    @SuppressWarnings("try") // the server is held open by try while the handler's own client reaches it
    private void cycles(RawHandler kmock, int count) {
        for (int i = 0; i < count; i++) {
            try (Server server = Server.builder(kmock).transport(transport).start()) {
                assertEquals(200, kmock.get("/ping").status());
            }
        }
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
