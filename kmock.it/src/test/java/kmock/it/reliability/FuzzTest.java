package kmock.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.handlers.RawHandler;
import kmock.internal.json.Json;
import kmock.internal.k8s.patch.Patches;
import kmock.internal.k8s.requests.ResourceNotation;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.KindSchemas;
import kmock.internal.k8s.selectors.Selectors;
import kmock.internal.k8s.status.KubernetesException;

/**
 * Random input for every parser that reads what users or clients write: the criteria strings, the resource
 * notation, label and field selectors, and the patch engines. Each either accepts its input or throws the one
 * documented exception with a message; nothing else, and nothing hangs. The seed is fixed so CI is repeatable;
 * {@code -Dkmock.fuzz.seed=random} (or a number) explores further, and a failure names its seed.
 */
class FuzzTest {

    private static final int CASES = 20_000;
    private static final Duration HANG = Duration.ofMinutes(2);
    private static final KindSchemas SCHEMAS = new KindSchemas();
    /** Strategic merge patches follow a real schema (random fields the schema lacks merge as in a merge patch). */
    private static final GroupVersionKind DEPLOYMENT = new GroupVersionKind("apps", "v1", "Deployment");

    private static final String[] CRITERIA_TOKENS = {
        "get",
        "post",
        "list",
        "watch",
        "delete",
        "v1",
        "pods",
        "apps",
        "v1/pods",
        "kopf.dev/v1/kopfexamples",
        "pods.v1",
        "/",
        "/a",
        "?",
        "=",
        "&",
        "%",
        "%2",
        "%zz",
        " ",
        "  ",
        ".",
        "*",
        "gett",
        "GET",
        "LIST",
        "http://",
        "host:80",
        ":",
        "[",
        "]",
        "\u00e9",
        "\t",
        "\n",
        "",
        "-",
        "_",
        "0",
        "9999"
    };
    private static final String[] SELECTOR_TOKENS = {
        "app",
        "tier",
        "=",
        "==",
        "!=",
        "!",
        " in ",
        " notin ",
        "(",
        ")",
        ",",
        " ",
        "a",
        "b",
        "example.com/",
        "x",
        "-",
        ".",
        "_",
        "metadata.name",
        "status.phase",
        "\u00e9",
        "%",
        "==="
    };
    private static final String[] PATH_SEGMENTS = {
        "", "data", "a", "b", "0", "1", "-", "~0", "~1", "metadata", "labels", "spec", "items", "99", "x"
    };

    private final long seed = seed();

    private static long seed() {
        String given = System.getProperty("kmock.fuzz.seed", "20261125");
        return given.equals("random") ? new Random().nextLong() : Long.parseLong(given);
    }

    @Test
    void criteriaStringsAreAcceptedOrRefusedWithAHint() {
        RawHandler kmock = new RawHandler();
        long refused = fuzz(
                "criteria strings",
                random -> {
                    String criteria = words(random, CRITERIA_TOKENS, 1 + random.nextInt(5));
                    kmock.on(criteria);
                },
                IllegalArgumentException.class);
        record("criteria-string parser", refused);
    }

    @Test
    void resourceNotationIsParsedOrRefusedWithAHint() {
        long refused = fuzz(
                "resource notation",
                random -> {
                    String text = words(random, CRITERIA_TOKENS, 1 + random.nextInt(4))
                            .replace(' ', random.nextBoolean() ? '/' : '.');
                    ResourceNotation.tryParse(text, random.nextBoolean());
                    Resource.parse(text);
                },
                IllegalArgumentException.class);
        record("resource-notation parser", refused);
    }

    @Test
    void selectorsParseOrAreRefusedAsBadRequests() {
        Map<String, Object> object = Map.of(
                "metadata",
                Map.of("name", "a", "labels", Map.of("app", "a", "tier", "b")),
                "status",
                Map.of("phase", "x"));
        long refused = fuzz(
                "selectors",
                random -> {
                    String selector = words(random, SELECTOR_TOKENS, 1 + random.nextInt(8))
                            .replace("  ", " ");
                    try {
                        (random.nextBoolean() ? Selectors.labels(selector) : Selectors.fields(selector)).test(object);
                    } catch (KubernetesException e) {
                        assertEquals(400, e.code(), e.getMessage());
                        throw e;
                    }
                },
                KubernetesException.class);
        record("label and field selector parser", refused);
    }

    @Test
    void patchesApplyOrFailWithoutTouchingTheirTarget() {
        String[] types = {
            "application/merge-patch+json",
            "application/json-patch+json",
            "application/strategic-merge-patch+json",
            "application/apply-patch+yaml"
        };
        long refused = fuzz(
                "patches",
                random -> {
                    Map<String, Object> current = randomObject(random, 3);
                    String before = Json.toText(current);
                    String type = types[random.nextInt(types.length)];
                    Object patch = type.equals("application/json-patch+json") && random.nextInt(4) > 0
                            ? randomJsonPatch(random)
                            : randomValue(random, 3);
                    byte[] body = random.nextInt(20) == 0
                            ? Json.toText(patch)
                                    .substring(0, Math.max(0, Json.toText(patch).length() - 1))
                                    .getBytes(StandardCharsets.UTF_8)
                            : Json.toText(patch).getBytes(StandardCharsets.UTF_8);
                    try {
                        Patches.apply(type, current, body, SCHEMAS, DEPLOYMENT);
                    } finally {
                        assertEquals(before, Json.toText(current), "a patch never changes its target in place");
                    }
                },
                KubernetesException.class);
        record("patch engines (merge, JSON, strategic, apply)", refused);
    }

    /** Runs the cases; an exception of the documented type counts as a refusal, any other fails naming the seed. */
    private long fuzz(String what, Consumer<Random> oneCase, Class<? extends RuntimeException> documented) {
        return assertTimeoutPreemptively(HANG, () -> {
            Random random = new Random(seed);
            long refused = 0;
            List<String> undocumented = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                try {
                    oneCase.accept(random);
                } catch (RuntimeException e) {
                    if (!documented.isInstance(e)
                            || e.getMessage() == null
                            || e.getMessage().isBlank()) {
                        undocumented.add(e.getClass().getName() + ": " + e.getMessage());
                    }
                    refused++;
                }
            }
            assertEquals(
                    List.of(),
                    undocumented.subList(0, Math.min(5, undocumented.size())),
                    what + " with -Dkmock.fuzz.seed=" + seed);
            return refused;
        });
    }

    private void record(String what, long refused) {
        Figures.record(
                "fuzz: " + what,
                "-",
                CASES,
                0,
                refused + " refused with the documented exception, " + (CASES - refused) + " accepted; seed " + seed);
    }

    private static String words(Random random, String[] tokens, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(tokens[random.nextInt(tokens.length)]);
            if (random.nextInt(3) == 0) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static Map<String, Object> randomObject(Random random, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            object.put(PATH_SEGMENTS[1 + random.nextInt(PATH_SEGMENTS.length - 1)], randomValue(random, depth - 1));
        }
        return object;
    }

    private static Object randomValue(Random random, int depth) {
        switch (depth <= 0 ? random.nextInt(4) : random.nextInt(7)) {
            case 0:
                return null;
            case 1:
                return random.nextInt(100);
            case 2:
                return "s" + random.nextInt(5);
            case 3:
                return random.nextBoolean();
            case 4: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    list.add(randomValue(random, depth - 1));
                }
                return list;
            }
            default:
                return randomObject(random, depth - 1);
        }
    }

    private static List<Object> randomJsonPatch(Random random) {
        String[] ops = {"add", "remove", "replace", "move", "copy", "test", "explode"};
        List<Object> patch = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("op", ops[random.nextInt(ops.length)]);
            if (random.nextInt(10) > 0) {
                op.put("path", randomPointer(random));
            }
            if (random.nextBoolean()) {
                op.put("from", randomPointer(random));
            }
            if (random.nextBoolean()) {
                op.put("value", randomValue(random, 2));
            }
            patch.add(op);
        }
        return patch;
    }

    private static String randomPointer(Random random) {
        StringBuilder pointer = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            pointer.append('/').append(PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)]);
        }
        return random.nextInt(20) == 0 ? "no-slash" + pointer : pointer.toString();
    }
}
