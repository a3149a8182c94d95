package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KStream;
import kmock.internal.json.Json;

/** The watch and list options that informers rely on, over real HTTP: bookmarks, timeouts and 410 Gone. */
@BothTransports
class EmulatorWatchOptionsTest {

    private static final String CM = "/api/v1/namespaces/ns/configmaps";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = KubernetesEmulator.builder()
                .eventWindow(3)
                .bookmarkInterval(Duration.ofMillis(50))
                .build();
        kmock.resources().loadBundled();
        served.serve(kmock, transport);
    }

    private static Map<?, ?> event(KStream watch) {
        String line = watch.readLine(PATIENCE);
        assertNotNull(line, "an event within " + PATIENCE);
        return (Map<?, ?>) Json.parse(line);
    }

    private static String resourceVersion(Map<?, ?> object) {
        return (String) ((Map<?, ?>) object.get("metadata")).get("resourceVersion");
    }

    private String listVersion() {
        return resourceVersion((Map<?, ?>) kmock.get(CM).json());
    }

    @Test
    void anIdleWatchThatAllowsBookmarksGetsThemAtTheCurrentResourceVersion() {
        kmock.post(CM, Map.of("metadata", Map.of("name", "a")));
        String current = listVersion();
        try (KStream watch =
                kmock.stream("GET", CM + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + current)) {
            Map<?, ?> bookmark = event(watch);
            assertEquals("BOOKMARK", bookmark.get("type"));
            assertEquals(current, resourceVersion((Map<?, ?>) bookmark.get("object")));
            assertEquals("ConfigMap", ((Map<?, ?>) bookmark.get("object")).get("kind"));
            kmock.post(CM, Map.of("metadata", Map.of("name", "b")));
            Map<?, ?> next = event(watch);
            while ("BOOKMARK".equals(next.get("type"))) {
                next = event(watch);
            }
            assertEquals("ADDED", next.get("type"));
            String written = resourceVersion((Map<?, ?>) next.get("object"));
            Map<?, ?> later = event(watch);
            assertEquals("BOOKMARK", later.get("type"));
            assertEquals(
                    written, resourceVersion((Map<?, ?>) later.get("object")), "bookmarks follow the latest event");
        }
    }

    @Test
    void aWatchWithoutBookmarksGetsNone() {
        kmock.post(CM, Map.of("metadata", Map.of("name", "a")));
        try (KStream watch =
                kmock.stream("GET", CM + "?watch=true&timeoutSeconds=1&resourceVersion=" + listVersion())) {
            assertNull(watch.readLine(PATIENCE), "the stream ends at its timeout with no event");
            assertTrue(watch.isFinished());
        }
    }

    @Test
    void aWatchEndsAtItsTimeoutAndTheServerKeepsServing() {
        try (KStream watch = kmock.stream("GET", CM + "?watch=true&timeoutSeconds=1")) {
            assertNull(watch.readLine(PATIENCE));
            assertTrue(watch.isFinished(), "the server ended the stream");
        }
        assertEquals(
                201, kmock.post(CM, Map.of("metadata", Map.of("name", "after"))).status());
    }

    @Test
    void aWatchFromAVersionOlderThanTheWindowGetsOneGoneErrorAndEnds() {
        String first = resourceVersion((Map<?, ?>)
                kmock.post(CM, Map.of("metadata", Map.of("name", "a"))).json());
        for (int i = 0; i < 5; i++) {
            kmock.post(CM, Map.of("metadata", Map.of("name", "n" + i)));
        }
        try (KStream watch = kmock.stream("GET", CM + "?watch=true&resourceVersion=" + first)) {
            assertEquals(200, watch.status(), "watch errors travel as events, as from the API server");
            Map<?, ?> error = event(watch);
            assertEquals("ERROR", error.get("type"));
            Map<?, ?> status = (Map<?, ?>) error.get("object");
            assertEquals("Status", status.get("kind"));
            assertEquals(410, ((Number) status.get("code")).intValue());
            assertEquals("Expired", status.get("reason"));
            assertNull(watch.readLine(PATIENCE), "nothing after the error");
            assertTrue(watch.isFinished());
        }
    }

    @Test
    void aWatchInsideTheWindowResumesWithEveryLaterEventInOrder() {
        String first = resourceVersion((Map<?, ?>)
                kmock.post(CM, Map.of("metadata", Map.of("name", "a"))).json());
        kmock.post(CM, Map.of("metadata", Map.of("name", "b")));
        kmock.post(CM, Map.of("metadata", Map.of("name", "c")));
        try (KStream watch = kmock.stream("GET", CM + "?watch=true&resourceVersion=" + first)) {
            assertEquals("b", ((Map<?, ?>) ((Map<?, ?>) event(watch).get("object")).get("metadata")).get("name"));
            assertEquals("c", ((Map<?, ?>) ((Map<?, ?>) event(watch).get("object")).get("metadata")).get("name"));
        }
    }

    @Test
    void aContinueTokenOlderThanTheWindowIsGone() {
        for (int i = 0; i < 4; i++) {
            kmock.post(CM, Map.of("metadata", Map.of("name", "n" + i)));
        }
        Map<?, ?> page = (Map<?, ?>) kmock.get(CM + "?limit=2").json();
        String token = (String) ((Map<?, ?>) page.get("metadata")).get("continue");
        assertNotNull(token, "a first page of two has a continue token");
        for (int i = 0; i < 5; i++) {
            kmock.post(CM, Map.of("metadata", Map.of("name", "m" + i)));
        }
        var response = kmock.get(CM + "?limit=2&continue=" + token);
        assertEquals(410, response.status(), response.text());
        assertEquals("Expired", ((Map<?, ?>) response.json()).get("reason"));
    }
}
