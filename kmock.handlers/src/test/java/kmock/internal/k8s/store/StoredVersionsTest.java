package kmock.internal.k8s.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.internal.json.Json;
import kmock.internal.k8s.selectors.Selectors;

/** The compact form of stored versions: JSON text kept, maps parsed on demand, and read back as they were given. */
class StoredVersionsTest {

    private static final Resource CONFIGMAPS = new Resource("", "v1", "configmaps");

    private final ObjectStore plain = new ObjectStore(StoreSettings.defaults().withManagedMetadata(false));
    private final ObjectStore managed = new ObjectStore();

    private static Map<String, Object> object(String name, Map<String, Object> labels, Map<String, Object> data) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", "ns");
        metadata.put("labels", labels);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("metadata", metadata);
        object.put("data", data);
        return object;
    }

    @Test
    void valuesThatJsonWouldReadOtherwiseComeBackAsGiven() {
        Map<String, Object> given = object(
                "cm",
                Map.of(),
                Map.of(
                        "small",
                        3L,
                        "decimal",
                        new BigDecimal("1.50"),
                        "wide",
                        BigInteger.ONE,
                        "int",
                        7,
                        "huge",
                        Long.MAX_VALUE));
        plain.put(new ObjectKey(CONFIGMAPS, "ns", "cm"), given);
        assertEquals(given, plain.find(new ObjectKey(CONFIGMAPS, "ns", "cm")));
    }

    @Test
    void plainJsonValuesComeBackEqualFromTheText() {
        Map<String, Object> given = object(
                "cm",
                Map.of("app", "web"),
                Map.of(
                        "int",
                        7,
                        "long",
                        Long.MAX_VALUE,
                        "double",
                        0.5,
                        "list",
                        List.of("a", true),
                        "none",
                        new LinkedHashMap<>()));
        plain.put(new ObjectKey(CONFIGMAPS, "ns", "cm"), given);
        Map<String, Object> stored = plain.find(new ObjectKey(CONFIGMAPS, "ns", "cm"));
        assertEquals(given, stored);
        assertArrayEquals(Json.write(given), StoredObject.jsonOf(stored));
    }

    @Test
    void aStoredObjectCannotBeChanged() {
        plain.put(new ObjectKey(CONFIGMAPS, "ns", "cm"), object("cm", Map.of(), Map.of("k", "v")));
        Map<String, Object> stored = plain.find(new ObjectKey(CONFIGMAPS, "ns", "cm"));
        assertThrows(UnsupportedOperationException.class, () -> stored.put("kind", "x"));
        assertThrows(UnsupportedOperationException.class, () -> cast(stored.get("data"))
                .put("k", "w"));
    }

    @Test
    void versionsWithTheSameLabelsShareOneMap() {
        for (String name : List.of("a", "b")) {
            managed.put(new ObjectKey(CONFIGMAPS, "ns", name), object(name, Map.of("app", "web"), Map.of()));
        }
        StoredObject a = assertInstanceOf(StoredObject.class, managed.find(new ObjectKey(CONFIGMAPS, "ns", "a")));
        StoredObject b = assertInstanceOf(StoredObject.class, managed.find(new ObjectKey(CONFIGMAPS, "ns", "b")));
        assertSame(a.labels(), b.labels());
        assertEquals(Map.of("app", "web"), a.labels());
    }

    @Test
    void labelSelectorsReadTheKeptLabels() {
        managed.put(new ObjectKey(CONFIGMAPS, "ns", "a"), object("a", Map.of("app", "web"), Map.of()));
        managed.put(new ObjectKey(CONFIGMAPS, "ns", "b"), object("b", Map.of("app", "db"), Map.of()));
        ListPage page = managed.list(CONFIGMAPS, "ns", Selectors.labels("app=db"), 0, null);
        assertEquals(
                List.of("b"),
                page.items().stream()
                        .map(item -> ((Map<?, ?>) item.get("metadata")).get("name"))
                        .toList());
    }

    @Test
    void everyVersionOfAHistoryIsKept() {
        ObjectKey key = new ObjectKey(CONFIGMAPS, "ns", "cm");
        for (int i = 0; i < 6; i++) {
            managed.put(key, object("cm", Map.of(), Map.of("i", String.valueOf(i))));
        }
        List<Map<String, Object>> history = managed.history(key);
        assertEquals(6, history.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(Map.of("i", String.valueOf(i)), history.get(i).get("data"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
