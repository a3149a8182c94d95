package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import kmock.internal.criteria.AnyValue;
import kmock.internal.json.Json;

class KObjectTest {

    private static final Object ANY = AnyValue.INSTANCE;

    private static Object json(String text) {
        return Json.parse(text);
    }

    @Test
    void aMapPatternMatchesABiggerMapRecursively() {
        Object actual = json("{\"metadata\":{\"name\":\"a\",\"labels\":{\"x\":\"1\",\"y\":\"2\"}},\"spec\":{}}");
        assertTrue(KObject.matches(actual, Map.of("metadata", Map.of("labels", Map.of("x", "1")))));
        assertFalse(KObject.matches(actual, Map.of("metadata", Map.of("labels", Map.of("x", "2")))));
        assertFalse(KObject.matches(actual, Map.of("status", Map.of())));
    }

    @Test
    void listsMatchElementWiseOnlyWithEqualLengths() {
        Object actual = json("{\"items\":[{\"a\":1,\"b\":2},{\"a\":3}]}");
        assertTrue(KObject.matches(actual, Map.of("items", List.of(Map.of("a", 1), Map.of()))));
        assertFalse(KObject.matches(actual, Map.of("items", List.of(Map.of("a", 1)))));
        assertFalse(KObject.matches(actual, Map.of("items", List.of(Map.of("a", 3), Map.of("a", 1)))));
    }

    @Test
    void anyMatchesEveryPresentValueButNotAMissingKey() {
        Object actual = json("{\"spec\":{\"x\":null,\"y\":[1,2]}}");
        assertTrue(KObject.matches(actual, Map.of("spec", Map.of("x", ANY, "y", ANY))));
        assertTrue(KObject.matches(actual, Map.of("spec", Map.of("y", List.of(ANY, 2)))));
        assertFalse(KObject.matches(actual, Map.of("spec", Map.of("z", ANY))));
    }

    @Test
    void numbersCompareByValueWhateverTheirJavaType() {
        Object actual = json("{\"a\":1,\"b\":12345678901,\"c\":1.5}");
        assertTrue(KObject.matches(actual, Map.of("a", 1L, "b", BigInteger.valueOf(12345678901L), "c", 1.5f)));
        assertFalse(KObject.matches(actual, Map.of("a", 2)));
        assertFalse(KObject.matches(actual, Map.of("a", "1")));
    }

    @Test
    void regularExpressionsMatchWholeStrings() {
        Object actual = json("{\"name\":\"web-42\"}");
        assertTrue(KObject.matches(actual, Map.of("name", Pattern.compile("web-\\d+"))));
        assertFalse(KObject.matches(actual, Map.of("name", Pattern.compile("web"))));
    }

    @Test
    void aNullPatternMatchesNullOrAbsentValues() {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("gone", null);
        assertTrue(KObject.matches(json("{}"), pattern));
        assertTrue(KObject.matches(json("{\"gone\":null}"), pattern));
        assertFalse(KObject.matches(json("{\"gone\":1}"), pattern));
    }

    @Test
    void assertMatchesNamesTheJsonPathOfADifferentValue() {
        Object actual = json("{\"spec\":{\"items\":[{\"name\":\"x\"},{\"name\":\"y\"},{\"name\":\"b\"}]}}");
        Object pattern = Map.of("spec", Map.of("items", List.of(ANY, ANY, Map.of("name", "a"))));
        AssertionError error = assertThrows(AssertionError.class, () -> KObject.assertMatches(pattern, actual));
        assertEquals("$.spec.items[2].name: expected \"a\" but was \"b\"", error.getMessage());
    }

    @Test
    void assertMatchesNamesTheJsonPathOfAMissingKey() {
        Object actual = json("{\"metadata\":{\"annotations\":{}}}");
        Object pattern = Map.of("metadata", Map.of("annotations", Map.of("kopf.dev/state", "done")));
        AssertionError error = assertThrows(AssertionError.class, () -> KObject.assertMatches(pattern, actual));
        assertEquals("$.metadata.annotations['kopf.dev/state']: expected \"done\" but was missing", error.getMessage());
    }

    @Test
    void assertMatchesReportsListsOfAnotherLengthAndWrongTypes() {
        Object actual = json("{\"a\":[1,2],\"b\":\"text\"}");
        AssertionError length =
                assertThrows(AssertionError.class, () -> KObject.assertMatches(Map.of("a", List.of(1)), actual));
        assertEquals("$.a: expected a list of 1 items but was a list of 2 items: [1,2]", length.getMessage());
        AssertionError type =
                assertThrows(AssertionError.class, () -> KObject.assertMatches(Map.of("b", Map.of("c", 1)), actual));
        assertEquals("$.b: expected an object but was \"text\"", type.getMessage());
    }

    @Test
    void assertMatchesPassesSilentlyOnAMatch() {
        KObject.assertMatches(Map.of("a", ANY), json("{\"a\":{\"deep\":[1]}}"));
        assertTrue(KObject.matches(json("[1,{\"x\":2}]"), List.of(1, Map.of())));
    }

    @Test
    void historyContainsFindsAMatchingThatGreedyAssignmentMisses() {
        // Pattern 0 fits both versions; taking version 0 for it (greedy, in order) leaves pattern 1 with nothing.
        KObject object = new KObject(List.of(frozen("{\"spec\":{\"a\":1,\"b\":2}}"), frozen("{\"spec\":{\"a\":1}}")));
        List<Object> patterns = List.of(Map.of("spec", Map.of("a", 1)), Map.of("spec", Map.of("b", 2)));
        assertTrue(object.historyContains(patterns));
    }

    @Test
    void historyContainsUsesEachVersionForOnePatternAtMost() {
        KObject object = new KObject(List.of(frozen("{\"spec\":{\"a\":1}}"), frozen("{\"spec\":{\"b\":2}}")));
        assertFalse(object.historyContains(List.of(Map.of("spec", Map.of("a", 1)), Map.of("spec", Map.of("a", 1)))));
        assertTrue(object.historyContains(List.of(Map.of("spec", Map.of("b", 2)))));
    }

    @Test
    void historyContainsMatchesDeletionMarkersWithNullPatterns() {
        KObject object = new KObject(Arrays.asList(frozen("{\"spec\":{}}"), null));
        assertTrue(object.historyContains(Arrays.asList(null, Map.of("spec", Map.of()))));
        assertFalse(object.historyContains(Arrays.asList(null, null)));
    }

    @Test
    void aDeletedObjectReadsAsItsLastStateAndReportsTheMarker() {
        KObject object = new KObject(Arrays.asList(frozen("{\"spec\":1}"), frozen("{\"spec\":2}"), null));
        assertTrue(object.deleted());
        assertEquals(Map.of("spec", 2), object);
        assertNull(object.version(-1));
        assertEquals(Map.of("spec", 2), object.version(-2));
        assertEquals(Map.of("spec", 1), object.version(0));
        assertThrows(IndexOutOfBoundsException.class, () -> object.version(3));
        assertThrows(IndexOutOfBoundsException.class, () -> object.version(-4));
    }

    @Test
    void aKObjectCannotBeModified() {
        KObject object = new KObject(List.of(frozen("{\"spec\":{\"a\":1}}")));
        assertThrows(UnsupportedOperationException.class, () -> object.put("x", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) object.get("spec");
        assertThrows(UnsupportedOperationException.class, () -> spec.put("a", 2));
        assertThrows(UnsupportedOperationException.class, () -> object.history().add(Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> frozen(String json) {
        return kmock.internal.k8s.store.JsonTree.freezeMap((Map<String, Object>) Json.parse(json));
    }
}
