package kmock.internal.k8s.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.internal.json.Json;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.KindSchemas;
import kmock.internal.k8s.status.KubernetesException;

class PatchesTest {

    private static final KindSchemas SCHEMAS = new KindSchemas();
    private static final GroupVersionKind CONFIG_MAP = new GroupVersionKind("", "v1", "ConfigMap");

    private static Object json(String text) {
        return Json.parse(text.replace('\'', '"'));
    }

    @Test
    void rfc7386AppendixA() {
        String[][] cases = {
            {"{'a':'b'}", "{'a':'c'}", "{'a':'c'}"},
            {"{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}"},
            {"{'a':'b'}", "{'a':null}", "{}"},
            {"{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}"},
            {"{'a':['b']}", "{'a':'c'}", "{'a':'c'}"},
            {"{'a':'c'}", "{'a':['b']}", "{'a':['b']}"},
            {"{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}"},
            {"{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}"},
            {"['a','b']", "['c','d']", "['c','d']"},
            {"{'a':'b'}", "['c']", "['c']"},
            {"{'a':'foo'}", "null", "null"},
            {"{'a':'foo'}", "'bar'", "'bar'"},
            {"{'e':null}", "{'a':1}", "{'e':null,'a':1}"},
            {"[1,2]", "{'a':'b','c':null}", "{'a':'b'}"},
            {"{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}"},
        };
        for (String[] c : cases) {
            assertEquals(json(c[2]), MergePatch.apply(json(c[0]), json(c[1])), c[0] + " + " + c[1]);
        }
    }

    @Test
    void rfc6902AppendixA() {
        String[][] cases = {
            {"{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]", "{'baz':'qux','foo':'bar'}"},
            {"{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}"},
            {"{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}"},
            {"{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}"},
            {"{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}"
            },
            {
                "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
                "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]",
                "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}"
            },
            {
                "{'foo':['all','grass','cows','eat']}",
                "[{'op':'move','from':'/foo/1','path':'/foo/3'}]",
                "{'foo':['all','cows','eat','grass']}"
            },
            {
                "{'baz':'qux','foo':['a',2,'c']}",
                "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]",
                "{'baz':'qux','foo':['a',2,'c']}"
            },
            {
                "{'foo':'bar'}",
                "[{'op':'add','path':'/child','value':{'grandchild':{}}}]",
                "{'foo':'bar','child':{'grandchild':{}}}"
            },
            {"{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux','xyz':123}]", "{'foo':'bar','baz':'qux'}"},
            {"{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':10}]", "{'/':9,'~1':10}"},
            {"{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':['abc','def']}]", "{'foo':['bar',['abc','def']]}"
            },
        };
        for (String[] c : cases) {
            assertEquals(json(c[2]), JsonPatch.apply(json(c[0]), json(c[1])), c[1]);
        }
    }

    @Test
    void rfc6902FailuresLeaveTheTargetUntouched() {
        Object target = json("{'baz':'qux','foo':['a']}");
        Object before = json("{'baz':'qux','foo':['a']}");
        assertEquals(
                422,
                assertThrows(
                                KubernetesException.class,
                                () -> JsonPatch.apply(
                                        target,
                                        json(
                                                "[{'op':'add','path':'/x','value':1},{'op':'test','path':'/baz','value':'bar'}]")))
                        .code());
        assertEquals(
                422,
                assertThrows(
                                KubernetesException.class,
                                () -> JsonPatch.apply(target, json("[{'op':'add','path':'/baz/bat','value':'qux'}]")))
                        .code());
        assertEquals(
                422,
                assertThrows(
                                KubernetesException.class,
                                () -> JsonPatch.apply(target, json("[{'op':'remove','path':'/foo/5'}]")))
                        .code());
        assertEquals(
                400,
                assertThrows(
                                KubernetesException.class,
                                () -> JsonPatch.apply(target, json("[{'op':'frobnicate','path':'/x'}]")))
                        .code());
        assertEquals(
                400,
                assertThrows(KubernetesException.class, () -> JsonPatch.apply(target, json("{'op':'add'}")))
                        .code());
        assertEquals(before, target);
    }

    @Test
    void contentTypesChooseTheEngine() {
        Map<String, Object> current = Map.of("data", Map.of("a", "1", "b", "2"));
        byte[] merge = "{\"data\":{\"b\":null}}".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                Map.of("data", Map.of("a", "1")),
                Patches.apply("application/merge-patch+json; charset=utf-8", current, merge, SCHEMAS, CONFIG_MAP));
        assertEquals(
                Map.of("data", Map.of("a", "1")),
                Patches.apply("application/json", current, merge, SCHEMAS, CONFIG_MAP));
        assertEquals(
                Map.of("data", Map.of("a", "1")),
                Patches.apply("application/strategic-merge-patch+json", current, merge, SCHEMAS, CONFIG_MAP));
        byte[] yaml = "data:\n  c: '3'\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                Map.of("data", Map.of("a", "1", "b", "2", "c", "3")),
                Patches.apply("application/apply-patch+yaml", current, yaml, SCHEMAS, CONFIG_MAP));
        assertEquals(
                415,
                assertThrows(
                                KubernetesException.class,
                                () -> Patches.apply("text/plain", current, merge, SCHEMAS, CONFIG_MAP))
                        .code());
        assertEquals(
                400,
                assertThrows(
                                KubernetesException.class,
                                () -> Patches.apply(
                                        "application/merge-patch+json",
                                        current,
                                        "{broken".getBytes(StandardCharsets.UTF_8),
                                        SCHEMAS,
                                        CONFIG_MAP))
                        .code());
        assertEquals(
                400,
                assertThrows(
                                KubernetesException.class,
                                () -> Patches.apply(
                                        "application/apply-patch+yaml",
                                        current,
                                        "a: [unclosed".getBytes(StandardCharsets.UTF_8),
                                        SCHEMAS,
                                        CONFIG_MAP))
                        .code());
    }
}
