package kmock.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import kmock.api.Request;

/** The lock-free request log: no request lost or reordered by concurrent appends, bounded logs keep the latest. */
class RequestLogTest {

    private static Request request(int n) {
        return Request.builder().url("http://log/" + n).build();
    }

    @Test
    void concurrentAppendsAreAllKeptInSequenceOrder() throws Exception {
        RequestLog log = new RequestLog();
        int threads = 8;
        int each = 5_000;
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < threads * each; i++) {
            requests.add(request(i));
        }
        List<Request> bySequence = new ArrayList<>(Collections.nCopies(requests.size(), (Request) null));
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * each;
                appenders.add(pool.submit(() -> {
                    for (int i = first; i < first + each; i++) {
                        long seq = log.append(requests.get(i));
                        synchronized (bySequence) {
                            bySequence.set((int) seq, requests.get(i));
                        }
                    }
                }));
            }
            Future<?> reader = pool.submit(() -> {
                while (log.size() < requests.size()) {
                    log.snapshot(); // snapshots taken while appends go on must not hang or fail
                }
            });
            for (Future<?> appender : appenders) {
                appender.get(60, TimeUnit.SECONDS);
            }
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(bySequence, log.snapshot());
        assertEquals(requests.size(), log.size());
        assertEquals(Set.copyOf(requests), new HashSet<>(log.snapshot()));
    }

    @Test
    void aBoundedLogKeepsTheLatestAcrossSegments() {
        RequestLog log = new RequestLog(100);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            requests.add(request(i));
            log.append(requests.get(i));
        }
        assertEquals(requests.subList(900, 1_000), log.snapshot());
        assertEquals(100, log.size());
    }

    @Test
    void removeLastTakesOutOnlyTheNewestOccurrence() {
        RequestLog log = new RequestLog();
        Request a = request(1);
        Request b = request(2);
        log.append(a);
        log.append(b);
        log.append(a);
        log.removeLast(a);
        assertEquals(List.of(a, b), log.snapshot());
        assertEquals(2, log.size());
    }

    @Test
    void aLogThatKeepsNothingStillCountsSequenceNumbers() {
        RequestLog log = new RequestLog(0);
        log.append(request(1));
        assertEquals(1, log.append(request(2)));
        assertEquals(List.of(), log.snapshot());
        assertEquals(0, log.size());
    }
}
