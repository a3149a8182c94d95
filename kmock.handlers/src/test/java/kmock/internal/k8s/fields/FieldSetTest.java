package kmock.internal.k8s.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.internal.json.Json;

/** The field-set model and its FieldsV1 encoding, as structured-merge-diff defines them. */
class FieldSetTest {

    private static PathElement f(String name) {
        return new PathElement.Field(name);
    }

    private static PathElement k(Object... nameValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            values.put((String) nameValues[i], nameValues[i + 1]);
        }
        return PathElement.Key.of(values);
    }

    private static PathElement v(Object value) {
        return new PathElement.Value(value);
    }

    private static FieldSet set(List<?>... paths) {
        FieldSet set = new FieldSet();
        for (List<?> path : paths) {
            set.insert(path.stream()
                    .map(p -> p instanceof PathElement pe ? pe : f((String) p))
                    .toList());
        }
        return set;
    }

    private static String json(FieldSet set) {
        return Json.toText(FieldsV1.encode(set));
    }

    @Test
    void aParentIsNotAMemberBecauseOfItsChild() {
        FieldSet set = set(List.of("spec", "replicas"));
        assertTrue(set.has(List.of(f("spec"), f("replicas"))));
        assertFalse(set.has(List.of(f("spec"))));
        assertEquals("{\"f:spec\":{\"f:replicas\":{}}}", json(set));
    }

    @Test
    void aMemberWithChildrenIsWrittenWithADotFirst() {
        FieldSet set = set(List.of("metadata", "labels"), List.of("metadata", "labels", "app"));
        assertEquals("{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}}}", json(set));
    }

    @Test
    void keysAreWrittenAsCompactJsonSortedByFieldName() {
        PathElement port = k("protocol", "TCP", "containerPort", 80);
        assertEquals("k:{\"containerPort\":80,\"protocol\":\"TCP\"}", port.fieldsV1());
        assertEquals("[containerPort=80,protocol=\"TCP\"]", port.toString());
        assertEquals("k:{\"name\":\"a\\u003cb\"}", k("name", "a<b").fieldsV1());
    }

    @Test
    void elementsAreOrderedFieldsKeysValuesIndexes() {
        FieldSet set = set(
                List.of(new PathElement.Index(0)),
                List.of(v(false)),
                List.of(v("b")),
                List.of(v(3)),
                List.of(v(3.1415)),
                List.of(k("name", "x")),
                List.of("z"),
                List.of("a"));
        assertEquals(
                "{\"f:a\":{},\"f:z\":{},\"k:{\\\"name\\\":\\\"x\\\"}\":{},\"v:3\":{},\"v:3.1415\":{},\"v:\\\"b\\\"\":{},"
                        + "\"v:false\":{},\"i:0\":{}}",
                json(set));
    }

    @Test
    void keysCompareByTheirFieldsInNameOrder() {
        assertTrue(k("name", "a").compareTo(k("name", "b")) < 0);
        assertTrue(k("containerPort", 80, "protocol", "TCP").compareTo(k("containerPort", 443, "protocol", "TCP")) < 0);
        assertEquals(0, k("containerPort", 80L).compareTo(k("containerPort", 80)));
        assertEquals(k("containerPort", 80L), k("containerPort", 80));
    }

    @Test
    void fieldsV1DecodesWhatItEncodes() {
        String text = "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},\"f:spec\":{\"f:containers\":"
                + "{\"k:{\\\"name\\\":\\\"nginx\\\"}\":{\".\":{},\"f:image\":{},\"f:ports\":{\"k:{\\\"containerPort\\\":80,"
                + "\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:containerPort\":{}}}}},\"f:finalizers\":{\"v:\\\"x\\\"\":{}}}}";
        FieldSet set = FieldsV1.decode(Json.parse(text));
        assertEquals(text, json(set));
        assertTrue(set.has(List.of(f("spec"), f("containers"), k("name", "nginx"))));
        assertTrue(set.has(List.of(f("spec"), f("finalizers"), v("x"))));
    }

    @Test
    void fieldsV1SkipsUnknownPrefixesAndRejectsMalformedKeys() {
        FieldSet set = FieldsV1.decode(Json.parse("{\"x:future\":{},\"f:a\":{}}"));
        assertEquals("{\"f:a\":{}}", json(set));
        assertThrows(IllegalArgumentException.class, () -> FieldsV1.decode(Json.parse("{\"k:{invalid json}\":{}}")));
        assertThrows(IllegalArgumentException.class, () -> FieldsV1.decode(Json.parse("{\"f:a\":1}")));
        assertNull(PathElement.parse("x:y"));
    }

    @Test
    void theEmptySetIsAnEmptyObject() {
        assertEquals("{}", json(new FieldSet()));
        assertTrue(FieldsV1.decode(Map.of()).isEmpty());
    }

    @Test
    void unionIntersectionAndDifferenceWorkOnMembersAtEveryDepth() {
        FieldSet a = set(List.of("spec", "a"), List.of("spec", "b"), List.of("x"));
        FieldSet b = set(List.of("spec", "b"), List.of("spec", "c"));
        assertEquals(set(List.of("spec", "a"), List.of("spec", "b"), List.of("spec", "c"), List.of("x")), a.union(b));
        assertEquals(set(List.of("spec", "b")), a.intersection(b));
        assertEquals(set(List.of("spec", "a"), List.of("x")), a.difference(b));
    }

    @Test
    void aParentRemovesItsChildrenOnlyInARecursiveDifference() {
        FieldSet deep = set(List.of("spec", "replicas"), List.of("x"));
        FieldSet parent = set(List.of("spec"));
        assertEquals(deep, deep.difference(parent));
        assertEquals(set(List.of("x")), deep.recursiveDifference(parent));
    }

    @Test
    void pathsPrintAsTheApiServerPrintsThem() {
        FieldSet set = set(
                List.of("spec", "template", "spec", "containers", k("name", "nginx"), "image"),
                List.of("metadata", "finalizers", v("a\"b")));
        assertEquals(
                ".metadata.finalizers[=\"a\\\"b\"]\n.spec.template.spec.containers[name=\"nginx\"].image",
                set.toString());
    }
}
