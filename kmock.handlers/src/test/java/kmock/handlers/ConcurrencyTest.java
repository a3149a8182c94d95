package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** Sixteen client threads on one handler: every request logged once, slices exact. */
@BothTransports
class ConcurrencyTest {

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    @Test
    void sixteenThreadsAreLoggedOnceEachAndFirstThreeServesExactlyThree() throws Exception {
        RawHandler kmock = served.serve(new RawHandler(), transport);
        Reaction early = kmock.on("get /hit").first(3).reply("early".getBytes());
        Reaction late = kmock.on("get /hit").reply("late".getBytes());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16 * 25; i++) {
                answers.add(pool.submit(() -> kmock.get("/hit").text()));
            }
            long earlyAnswers = 0;
            for (Future<String> answer : answers) {
                if (answer.get(60, TimeUnit.SECONDS).equals("early")) {
                    earlyAnswers++;
                }
            }
            assertEquals(3, earlyAnswers);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400, kmock.size());
        assertEquals(400, kmock.on("/hit").size());
        assertEquals(3, early.size());
        assertEquals(397, late.size());
        assertEquals(400, kmock.requests().stream().distinct().count(), "no request logged twice");
    }
}
