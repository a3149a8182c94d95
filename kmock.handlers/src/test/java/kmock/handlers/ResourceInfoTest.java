package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ResourceInfoTest {

    @Test
    void newDescriptionIsNamespacedWithNothingElseSet() {
        ResourceInfo info = new ResourceInfo();

        assertNull(info.kind());
        assertNull(info.singular());
        assertEquals(List.of(), info.shortNames());
        assertEquals(List.of(), info.categories());
        assertEquals(List.of(), info.verbs());
        assertEquals(List.of(), info.subresources());
        assertTrue(info.namespaced());
    }

    @Test
    void fluentSettersChainAndAccessorsReadBack() {
        ResourceInfo info = new ResourceInfo();

        ResourceInfo chained = info.kind("Pod")
                .singular("pod")
                .shortNames("po")
                .categories(List.of("all"))
                .verbs("get", "list")
                .subresources("status", "log")
                .namespaced(false);

        assertSame(info, chained);
        assertEquals("Pod", info.kind());
        assertEquals("pod", info.singular());
        assertEquals(List.of("po"), info.shortNames());
        assertEquals(List.of("all"), info.categories());
        assertEquals(List.of("get", "list"), info.verbs());
        assertEquals(List.of("status", "log"), info.subresources());
        assertFalse(info.namespaced());
    }

    @Test
    void unsetKindIsTheCapitalisedPluralAndUnsetSingularIsThePluralWithoutBeingStored() {
        ResourceInfo info = new ResourceInfo().singular("widget");

        assertEquals("Widgets", info.kindFor("widgets"));
        assertEquals("widget", info.singularFor("widgets"));
        assertEquals("foos", new ResourceInfo().singularFor("foos"));
        assertNull(info.kind());
    }

    @Test
    void setKindWinsOverTheDefault() {
        assertEquals("Widget", new ResourceInfo().kind("Widget").kindFor("widgets"));
    }

    @Test
    void listsGivenToSettersAreCopiedAndReadOnly() {
        List<String> names = new ArrayList<>(List.of("cm"));
        ResourceInfo info = new ResourceInfo().shortNames(names);

        names.add("configmap");

        assertEquals(List.of("cm"), info.shortNames());
        assertThrows(
                UnsupportedOperationException.class, () -> info.shortNames().add("x"));
    }

    @Test
    void mapWithEveryKeyBuildsTheSameDescriptionAsTheSetters() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", "ConfigMap");
        fields.put("singular", "configmap");
        fields.put("shortNames", List.of("cm"));
        fields.put("categories", Set.of("all"));
        fields.put("verbs", List.of("get"));
        fields.put("subresources", List.of("status"));
        fields.put("namespaced", false);

        ResourceInfo info = ResourceInfo.of(fields);

        assertEquals("ConfigMap", info.kind());
        assertEquals("configmap", info.singular());
        assertEquals(List.of("cm"), info.shortNames());
        assertEquals(List.of("all"), info.categories());
        assertEquals(List.of("get"), info.verbs());
        assertEquals(List.of("status"), info.subresources());
        assertFalse(info.namespaced());
    }

    @Test
    void toMapHasTheKeysInOrderAndReadsBackThroughOf() {
        ResourceInfo info = new ResourceInfo().kind("Foo").shortNames("f").namespaced(false);

        Map<String, Object> map = info.toMap();

        assertEquals(List.copyOf(ResourceInfo.KEYS), List.copyOf(map.keySet()));
        assertEquals(
                List.of("kind", "singular", "shortNames", "categories", "verbs", "subresources", "namespaced"),
                List.copyOf(map.keySet()));
        assertNull(map.get("singular"));
        assertEquals(map, ResourceInfo.of(map).toMap());
    }

    @Test
    void nullValuesInAMapLeaveTheDefaults() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", null);
        fields.put("namespaced", null);

        ResourceInfo info = ResourceInfo.of(fields);

        assertNull(info.kind());
        assertTrue(info.namespaced());
    }

    @Test
    void unknownMapKeyIsRefusedWithTheValidKeysListed() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> ResourceInfo.of(Map.of("plural", "foos")));

        assertEquals(
                "Unknown resource field 'plural'; the fields are "
                        + "kind, singular, shortNames, categories, verbs, subresources, namespaced",
                error.getMessage());
    }

    @Test
    void nearMissKeySuggestsTheValidOne() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> ResourceInfo.of(Map.of("singularName", "foo")));

        assertTrue(
                error.getMessage().startsWith("Unknown resource field 'singularName' (did you mean 'singular'?)"),
                error.getMessage());
    }

    @Test
    void wrongValueTypesAreRefusedNamingTheField() {
        assertEquals(
                "Resource field 'namespaced' must be true or false, got \"yes\"",
                assertThrows(IllegalArgumentException.class, () -> ResourceInfo.of(Map.of("namespaced", "yes")))
                        .getMessage());
        assertEquals(
                "Resource field 'shortNames' must be a list of strings, got \"cm\"",
                assertThrows(IllegalArgumentException.class, () -> ResourceInfo.of(Map.of("shortNames", "cm")))
                        .getMessage());
        assertEquals(
                "Resource field 'kind' must be a string, got 42 (Integer)",
                assertThrows(IllegalArgumentException.class, () -> ResourceInfo.of(Map.of("kind", 42)))
                        .getMessage());
        assertEquals(
                "Resource field 'verbs' must be a list of strings, got [get, 1]",
                assertThrows(IllegalArgumentException.class, () -> ResourceInfo.of(Map.of("verbs", List.of("get", 1))))
                        .getMessage());
    }

    @Test
    void copyIsDetachedFromLaterChanges() {
        ResourceInfo info = new ResourceInfo().kind("Foo").verbs("get");

        ResourceInfo copy = info.copy();
        info.kind("Bar").verbs("list").namespaced(false);

        assertEquals("Foo", copy.kind());
        assertEquals(List.of("get"), copy.verbs());
        assertTrue(copy.namespaced());
    }

    @Test
    void everySetterTellsTheObservers() {
        ResourceInfo info = new ResourceInfo();
        AtomicInteger changes = new AtomicInteger();
        info.observe(changes::incrementAndGet);

        info.kind("A")
                .singular("a")
                .shortNames("x")
                .categories("all")
                .verbs("get")
                .subresources("status")
                .namespaced(false);

        assertEquals(7, changes.get());
        info.copy().kind("B");
        assertEquals(7, changes.get(), "a copy has no observers");
    }
}
