package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import kmock.api.Request;
import kmock.api.Response;

/**
 * Indexed dispatch answers exactly as a plain ordered scan of every rule, on random rule sets (literal paths,
 * patterns, methods, slices, priorities, spies) and random request sequences. The seed is fixed; set
 * {@code -Dkmock.fuzz.seed=N} to explore others.
 */
class DispatchEquivalenceTest {

    private static final String[] PATHS = {"/a", "/b", "/c", "/a/b", "/api/v1/pods"};
    private static final String[] METHODS = {"GET", "POST", "DELETE"};

    @Test
    void indexedDispatchEqualsAPlainOrderedScan() {
        long seed = Long.getLong("kmock.fuzz.seed", 20261125L);
        Random random = new Random(seed);
        for (int scenario = 0; scenario < 300; scenario++) {
            RawHandler indexed = new RawHandler();
            RawHandler scanned = RawHandler.builder().indexing(false).build();
            int rules = 1 + random.nextInt(25);
            for (int r = 0; r < rules; r++) {
                long ruleSeed = random.nextLong();
                declare(indexed, new Random(ruleSeed), r);
                declare(scanned, new Random(ruleSeed), r);
            }
            for (int q = 0; q < 40; q++) {
                Request request = Request.builder()
                        .method(METHODS[random.nextInt(METHODS.length)])
                        .url("http://127.0.0.1:1" + PATHS[random.nextInt(PATHS.length)])
                        .build();
                assertEquals(
                        answer(scanned.handle(request)),
                        answer(indexed.handle(request)),
                        "seed " + seed + ", scenario " + scenario + ", request " + q + " " + request);
            }
        }
    }

    private static void declare(RawHandler kmock, Random random, int number) {
        View view = kmock;
        int steps = random.nextInt(4);
        for (int s = 0; s < steps; s++) {
            switch (random.nextInt(7)) {
                case 0 -> view = view.on(PATHS[random.nextInt(PATHS.length)]);
                case 1 ->
                    view = view.on(METHODS[random.nextInt(METHODS.length)].toLowerCase() + " "
                            + PATHS[random.nextInt(PATHS.length)]);
                case 2 -> view = view.on(Pattern.compile("/a.*"));
                case 3 -> view = view.first(1 + random.nextInt(3));
                case 4 -> view = view.skip(random.nextInt(3));
                case 5 -> view = view.priority(random.nextInt(3) - 1);
                default -> view = random.nextBoolean() ? view.fallback() : view.override();
            }
        }
        if (random.nextInt(5) == 0) {
            view.reply();
        } else {
            view.reply(("rule " + number).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String answer(Response response) {
        return response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void literalRulesAreFoundAmongTenThousand() {
        RawHandler kmock = new RawHandler();
        for (int i = 0; i < 10_000; i++) {
            kmock.on("get /item/" + i).reply(("item " + i).getBytes(StandardCharsets.UTF_8));
        }
        Response response = kmock.handle(
                Request.builder().url("http://127.0.0.1:1/item/9999").build());
        assertEquals("200 item 9999", answer(response));
        assertEquals(List.of(), kmock.unmatched());
    }
}
