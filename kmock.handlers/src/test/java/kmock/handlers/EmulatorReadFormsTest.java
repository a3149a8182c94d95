package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.internal.json.Json;

/** Reads in the forms clients ask for in Accept: tables (kubectl get), partial objects (metadata informers). */
@BothTransports
class EmulatorReadFormsTest {

    private static final String CM = "/api/v1/namespaces/ns/configmaps";
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
        kmock.objects().put("v1/configmaps", "ns", "one", Map.of("data", Map.of("a", "1", "b", "2")));
    }

    private Map<?, ?> get(String url, String accept) {
        KResponse response = kmock.get(url, Map.of("Accept", accept));
        assertEquals(200, response.status(), response.text());
        return (Map<?, ?>) response.json();
    }

    private static Map<?, ?> row(Map<?, ?> table) {
        return (Map<?, ?>) ((List<?>) table.get("rows")).get(0);
    }

    @Test
    void aListAsTableHasColumnsAndRowsWithPartialObjects() {
        Map<?, ?> table = get(CM, TABLE);
        assertEquals("Table", table.get("kind"));
        assertEquals("meta.k8s.io/v1", table.get("apiVersion"));
        assertEquals(
                List.of("Name", "Data", "Age"),
                ((List<?>) table.get("columnDefinitions"))
                        .stream().map(c -> ((Map<?, ?>) c).get("name")).toList());
        assertEquals(List.of("one", 2), ((List<?>) row(table).get("cells")).subList(0, 2));
        Map<?, ?> object = (Map<?, ?>) row(table).get("object");
        assertEquals("PartialObjectMetadata", object.get("kind"));
        assertEquals("ns", ((Map<?, ?>) object.get("metadata")).get("namespace"));
        assertNotNull(((Map<?, ?>) table.get("metadata")).get("resourceVersion"));
    }

    @Test
    void oneObjectAsTableIsATableOfOneRow() {
        Map<?, ?> table = get(CM + "/one", "application/json;as=Table;v=v1beta1;g=meta.k8s.io");
        assertEquals("meta.k8s.io/v1beta1", table.get("apiVersion"));
        assertEquals(1, ((List<?>) table.get("rows")).size());
        assertEquals("meta.k8s.io/v1beta1", ((Map<?, ?>) row(table).get("object")).get("apiVersion"));
    }

    @Test
    void includeObjectChoosesWhatRowsCarry() {
        Map<?, ?> whole =
                (Map<?, ?>) row(get(CM + "?includeObject=Object", TABLE)).get("object");
        assertEquals("ConfigMap", whole.get("kind"));
        assertEquals(Map.of("a", "1", "b", "2"), whole.get("data"));
        assertTrue(row(get(CM + "?includeObject=None", TABLE)).containsKey("object"));
        assertNull(row(get(CM + "?includeObject=None", TABLE)).get("object"));
    }

    @Test
    void anUnknownIncludeObjectIsABadRequest() {
        KResponse response = kmock.get(CM + "?includeObject=Everything", Map.of("Accept", TABLE));
        assertEquals(400, response.status());
        assertTrue(response.text().contains("Everything"), response.text());
    }

    @Test
    void aWatchAsTableSendsTheColumnsWithItsFirstEventOnly() {
        try (KStream watch = kmock.stream("GET", CM + "?watch=true", null, Map.of("Accept", TABLE))) {
            Map<?, ?> first = event(watch);
            assertEquals("ADDED", first.get("type"));
            assertNotNull(((Map<?, ?>) first.get("object")).get("columnDefinitions"));
            kmock.objects().put("v1/configmaps", "ns", "two", Map.of());
            Map<?, ?> second = event(watch);
            Map<?, ?> table = (Map<?, ?>) second.get("object");
            assertEquals("Table", table.get("kind"));
            assertNull(table.get("columnDefinitions"));
            assertEquals("two", ((List<?>) row(table).get("cells")).get(0));
        }
    }

    @Test
    void metadataOnlyListsAndObjectsCarryNoData() {
        Map<?, ?> list = get(
                CM,
                "application/vnd.kubernetes.protobuf;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,"
                        + "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json");
        assertEquals("PartialObjectMetadataList", list.get("kind"));
        Map<?, ?> item = (Map<?, ?>) ((List<?>) list.get("items")).get(0);
        assertEquals("PartialObjectMetadata", item.get("kind"));
        assertNull(item.get("data"));
        Map<?, ?> object = get(CM + "/one", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1");
        assertEquals("PartialObjectMetadata", object.get("kind"));
        assertEquals("one", ((Map<?, ?>) object.get("metadata")).get("name"));
    }

    @Test
    void aWatchOfMetadataSendsPartialObjects() {
        try (KStream watch = kmock.stream(
                "GET",
                CM + "?watch=true",
                null,
                Map.of("Accept", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"))) {
            Map<?, ?> object = (Map<?, ?>) event(watch).get("object");
            assertEquals("PartialObjectMetadata", object.get("kind"));
            assertNull(object.get("data"));
        }
    }

    @Test
    void aMetadataWatchSendsItsBookmarksAsPartialObjectsToo() {
        try (KStream watch = kmock.stream(
                "GET",
                CM + "?watch=true&sendInitialEvents=true&allowWatchBookmarks=true"
                        + "&resourceVersionMatch=NotOlderThan",
                null,
                Map.of("Accept", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"))) {
            assertEquals("ADDED", event(watch).get("type"));
            Map<?, ?> bookmark = event(watch);
            assertEquals("BOOKMARK", bookmark.get("type"));
            assertEquals("PartialObjectMetadata", ((Map<?, ?>) bookmark.get("object")).get("kind"));
        }
    }

    @Test
    void onlyUnservableRepresentationsAreNotAcceptable() {
        KResponse response =
                kmock.get(CM, Map.of("Accept", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"));
        assertEquals(406, response.status(), "a list is a PartialObjectMetadataList, not a PartialObjectMetadata");
        assertEquals("NotAcceptable", ((Map<?, ?>) response.json()).get("reason"));
        assertEquals(
                "ConfigMapList",
                ((Map<?, ?>) kmock.get(CM, Map.of("Accept", "application/yaml")).json()).get("kind"),
                "plain media types are answered with JSON, as before");
    }

    private static Map<?, ?> event(KStream watch) {
        String line = watch.readLine(PATIENCE);
        assertNotNull(line, "an event within " + PATIENCE);
        return (Map<?, ?>) Json.parse(line);
    }
}
