package kmock.internal.k8s.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.internal.json.Json;
import kmock.internal.k8s.patch.Patches;
import kmock.internal.k8s.schema.BuiltinSchemas;
import kmock.internal.k8s.schema.CrdSchemas;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.status.KubernetesException;

/**
 * managedFields through creates, updates and applies, without HTTP: the exact entries the FieldsV1 rules give for
 * the objects kubectl sends. (The emulator does not default yet; where the API server's defaults would add owned
 * fields to an Update entry, the test says so.)
 */
class FieldManagerTest {

    private static final GroupVersionKind DEPLOYMENT = new GroupVersionKind("apps", "v1", "Deployment");
    private static final GroupVersionKind CONFIG_MAP = new GroupVersionKind("", "v1", "ConfigMap");
    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05.678Z");
    private static final Instant T1 = Instant.parse("2025-01-02T03:05:00Z");

    private static final String NGINX = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx
              labels: {app: nginx}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: nginx}
              template:
                metadata:
                  labels: {app: nginx}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
                    ports:
                    - containerPort: 80
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) Patches.yaml(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectSchema schema(GroupVersionKind gvk) {
        return BuiltinSchemas.get().kind(gvk);
    }

    private static FieldManager.Write write(GroupVersionKind gvk, String manager, Instant time) {
        return new FieldManager.Write(schema(gvk), false, gvk, manager, null, gvk.equals(DEPLOYMENT), time);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> managedFields(Map<String, Object> object) {
        return (List<Map<String, Object>>) ((Map<String, Object>) object.get("metadata")).get("managedFields");
    }

    /** The fieldsV1 of the entry of a manager, as JSON text in its exact key order. */
    private static String fields(Map<String, Object> object, String manager, String operation) {
        for (Map<String, Object> entry : managedFields(object)) {
            if (manager.equals(entry.get("manager")) && operation.equals(entry.get("operation"))) {
                return Json.toText(entry.get("fieldsV1"));
            }
        }
        throw new AssertionError("no " + operation + " entry of " + manager + " in " + managedFields(object));
    }

    private static String fieldsV1(String yaml) {
        return Json.toText(yaml(yaml));
    }

    private static List<String> managers(Map<String, Object> object) {
        return managedFields(object).stream()
                .map(e -> e.get("manager") + "/" + e.get("operation"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> object, String... path) {
        Object node = object;
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
        }
        return node;
    }

    private static Map<String, Object> apply(String manager, Map<String, Object> live, String config, boolean force) {
        return FieldManager.apply(write(DEPLOYMENT, manager, T1), live, yaml(config), force);
    }

    @Test
    void applyOfADeploymentOwnsExactlyTheAppliedFields() {
        Map<String, Object> applied = FieldManager.apply(write(DEPLOYMENT, "kubectl", T0), null, yaml(NGINX), false);
        assertEquals(
                List.of(Map.of(
                        "manager",
                        "kubectl",
                        "operation",
                        "Apply",
                        "apiVersion",
                        "apps/v1",
                        "time",
                        "2025-01-02T03:04:05Z",
                        "fieldsType",
                        "FieldsV1",
                        "fieldsV1",
                        yaml("""
                        f:metadata:
                          f:labels:
                            f:app: {}
                        f:spec:
                          f:replicas: {}
                          f:selector: {}
                          f:template:
                            f:metadata:
                              f:labels:
                                f:app: {}
                            f:spec:
                              f:containers:
                                k:{"name":"nginx"}:
                                  .: {}
                                  f:image: {}
                                  f:name: {}
                                  f:ports:
                                    k:{"containerPort":80,"protocol":"TCP"}:
                                      .: {}
                                      f:containerPort: {}
                        """))),
                managedFields(applied));
        assertEquals(fieldsV1("""
                f:metadata: {f:labels: {f:app: {}}}
                f:spec:
                  f:replicas: {}
                  f:selector: {}
                  f:template:
                    f:metadata: {f:labels: {f:app: {}}}
                    f:spec:
                      f:containers:
                        k:{"name":"nginx"}:
                          .: {}
                          f:image: {}
                          f:name: {}
                          f:ports:
                            k:{"containerPort":80,"protocol":"TCP"}: {.: {}, f:containerPort: {}}
                """), fields(applied, "kubectl", "Apply"), "the key order is FieldsV1's");
        assertEquals(
                "nginx:1.25",
                ((Map<?, ?>) ((List<?>) at(applied, "spec", "template", "spec", "containers")).get(0)).get("image"));
    }

    @Test
    void createRecordsAnUpdateEntryWhereEveryNewGranularNodeIsAMember() {
        Map<String, Object> created = FieldManager.update(write(DEPLOYMENT, "kubectl-create", T0), null, yaml(NGINX));
        // resources is a struct Go always writes, so a new container brings it. With the API server's defaults this
        // entry would also own the defaulted fields (strategy, the port's protocol, imagePullPolicy, ...).
        assertEquals(fieldsV1("""
                f:metadata:
                  f:labels: {.: {}, f:app: {}}
                f:spec:
                  f:replicas: {}
                  f:selector: {}
                  f:template:
                    f:metadata:
                      f:labels: {.: {}, f:app: {}}
                    f:spec:
                      f:containers:
                        k:{"name":"nginx"}:
                          .: {}
                          f:image: {}
                          f:name: {}
                          f:ports:
                            .: {}
                            k:{"containerPort":80,"protocol":"TCP"}: {.: {}, f:containerPort: {}}
                          f:resources: {}
                """), fields(created, "kubectl-create", "Update"));
        Map<String, Object> entry = managedFields(created).get(0);
        assertEquals(
                List.of("manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1"),
                List.copyOf(entry.keySet()));
    }

    @SuppressWarnings("unchecked") // JSON objects read back are maps of strings to values
    @Test
    void anUpdateTakesTheFieldsItChangedFromOtherManagers() {
        Map<String, Object> created = FieldManager.update(write(DEPLOYMENT, "kubectl-create", T0), null, yaml(NGINX));
        Map<String, Object> scaled = yaml(NGINX);
        ((Map<String, Object>) scaled.get("spec")).put("replicas", 5);
        ((Map<String, Object>) scaled.get("metadata")).put("managedFields", managedFields(created));
        Map<String, Object> updated = FieldManager.update(write(DEPLOYMENT, "hpa", T1), created, scaled);
        assertEquals(fieldsV1("{f:spec: {f:replicas: {}}}"), fields(updated, "hpa", "Update"));
        assertFalse(fields(updated, "kubectl-create", "Update").contains("f:replicas"));
        assertEquals(List.of("kubectl-create/Update", "hpa/Update"), managers(updated), "ordered by time");
        assertEquals("2025-01-02T03:05:00Z", managedFields(updated).get(1).get("time"));
    }

    @Test
    void anUpdateThatChangesNothingKeepsTheEntriesAndTheirTimes() {
        Map<String, Object> created = FieldManager.update(
                write(CONFIG_MAP, "a", T0),
                null,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {x: '1'}}"));
        Map<String, Object> same = FieldManager.update(write(CONFIG_MAP, "b", T1), created, created);
        assertEquals(managedFields(created), managedFields(same));
    }

    @Test
    void managedFieldsOfOneEmptyEntryClearThemAndTheObjectStaysUntracked() {
        Map<String, Object> created = FieldManager.update(
                write(CONFIG_MAP, "a", T0),
                null,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {x: '1'}}"));
        Map<String, Object> reset = FieldManager.update(
                write(CONFIG_MAP, "b", T1),
                created,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c, managedFields: [{}]}, data: {x: '2'}}"));
        assertNull(at(reset, "metadata", "managedFields"));
        Map<String, Object> later = FieldManager.update(
                write(CONFIG_MAP, "c", T1),
                reset,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {x: '3'}}"));
        assertNull(at(later, "metadata", "managedFields"));
    }

    @Test
    void validManagedFieldsInABodyReplaceTheStoredOnesAndInvalidOnesAreIgnored() {
        Map<String, Object> created = FieldManager.update(
                write(CONFIG_MAP, "a", T0),
                null,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {x: '1'}}"));
        Map<String, Object> edited = FieldManager.update(write(CONFIG_MAP, "b", T0), created, yaml("""
                {apiVersion: v1, kind: ConfigMap, data: {x: '1'}, metadata: {name: c, managedFields: [
                  {manager: other, operation: Update, apiVersion: v1, fieldsType: FieldsV1, fieldsV1: {f:data: {f:x: {}}}}]}}
                """));
        assertEquals(List.of("other/Update"), managers(edited));
        Map<String, Object> invalid = FieldManager.update(write(CONFIG_MAP, "b", T0), created, yaml("""
                {apiVersion: v1, kind: ConfigMap, data: {x: '1'}, metadata: {name: c, managedFields: [{manager: x, operation: Bogus}]}}
                """));
        assertEquals(managedFields(created), managedFields(invalid));
    }

    @Test
    void aSecondManagerApplyingADifferentValueConflicts() {
        Map<String, Object> first = FieldManager.apply(write(DEPLOYMENT, "alice", T0), null, yaml(NGINX), false);
        KubernetesException conflict = assertThrows(
                KubernetesException.class,
                () -> apply(
                        "bob",
                        first,
                        NGINX.replace("replicas: 2", "replicas: 3").replace("nginx:1.25", "nginx:1.26"),
                        false));
        assertEquals(409, conflict.code());
        assertEquals(
                "Apply failed with 2 conflicts: conflicts with \"alice\":\n- .spec.replicas\n"
                        + "- .spec.template.spec.containers[name=\"nginx\"].image",
                conflict.getMessage());
        assertEquals(
                List.of(
                        new KubernetesException.Cause(
                                "FieldManagerConflict", "conflict with \"alice\"", ".spec.replicas"),
                        new KubernetesException.Cause(
                                "FieldManagerConflict",
                                "conflict with \"alice\"",
                                ".spec.template.spec.containers[name=\"nginx\"].image")),
                conflict.causes());
        Map<String, Object> status = conflict.toStatus();
        assertEquals("Conflict", status.get("reason"));
        assertEquals(2, ((List<?>) ((Map<?, ?>) status.get("details")).get("causes")).size());
    }

    @Test
    void aConflictWithAnUpdaterNamesItsApiVersion() {
        Map<String, Object> created = FieldManager.update(write(DEPLOYMENT, "kubectl-create", T0), null, yaml(NGINX));
        KubernetesException conflict = assertThrows(
                KubernetesException.class,
                () -> apply("ssa", created, NGINX.replace("replicas: 2", "replicas: 3"), false));
        assertEquals(
                "Apply failed with 1 conflict: conflict with \"kubectl-create\" using apps/v1: .spec.replicas",
                conflict.getMessage());
    }

    @Test
    void forceTakesTheFieldsOverAndLeavesTheOthersShared() {
        Map<String, Object> first = FieldManager.apply(write(DEPLOYMENT, "alice", T0), null, yaml(NGINX), false);
        Map<String, Object> forced = apply("bob", first, NGINX.replace("replicas: 2", "replicas: 3"), true);
        assertEquals(3, at(forced, "spec", "replicas"));
        assertTrue(fields(forced, "bob", "Apply").contains("f:replicas"));
        assertFalse(fields(forced, "alice", "Apply").contains("f:replicas"));
        assertTrue(fields(forced, "alice", "Apply").contains("f:image"), "an equal value is shared, not taken");
        assertTrue(fields(forced, "bob", "Apply").contains("f:image"));
    }

    @Test
    void twoManagersApplyingTheSameValueShareTheField() {
        Map<String, Object> first = FieldManager.apply(
                write(CONFIG_MAP, "a", T0),
                null,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {x: '1', y: '2'}}"),
                false);
        Map<String, Object> second = FieldManager.apply(
                write(CONFIG_MAP, "b", T1),
                first,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {x: '1'}}"),
                false);
        assertEquals(fieldsV1("{f:data: {f:x: {}, f:y: {}}}"), fields(second, "a", "Apply"));
        assertEquals(fieldsV1("{f:data: {f:x: {}}}"), fields(second, "b", "Apply"));
        // a stops applying x: b still owns it, so it stays; y was a's alone, so it goes.
        Map<String, Object> third = FieldManager.apply(
                write(CONFIG_MAP, "a", T1),
                second,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}"),
                false);
        assertEquals(Map.of("x", "1"), at(third, "data"));
        assertEquals(List.of("b/Apply"), managers(third));
    }

    @Test
    void aFieldTheManagerStopsApplyingIsRemoved() {
        Map<String, Object> first = apply(
                "kubectl",
                null,
                NGINX.replace("labels: {app: nginx}\nspec:", "labels: {app: nginx, tier: web}\nspec:"),
                false);
        assertEquals(Map.of("app", "nginx", "tier", "web"), at(first, "metadata", "labels"));
        Map<String, Object> second = apply("kubectl", first, NGINX.replace("  replicas: 2\n", ""), false);
        assertEquals(Map.of("app", "nginx"), at(second, "metadata", "labels"));
        assertNull(at(second, "spec", "replicas"));
        assertFalse(fields(second, "kubectl", "Apply").contains("f:replicas"));
    }

    @Test
    void fieldsSetByAnUpdaterSurviveAnApplyThatNeverOwnedThem() {
        Map<String, Object> first = apply("kubectl", null, NGINX, false);
        Map<String, Object> labelled = JsonMaps.copy(first);
        JsonMaps.put(labelled, List.of("metadata", "labels", "extra"), "1");
        Map<String, Object> updated = FieldManager.update(write(DEPLOYMENT, "kubectl-label", T1), first, labelled);
        Map<String, Object> reapplied = apply("kubectl", updated, NGINX.replace("  replicas: 2\n", ""), false);
        assertEquals(Map.of("app", "nginx", "extra", "1"), at(reapplied, "metadata", "labels"));
        assertEquals(List.of("kubectl/Apply", "kubectl-label/Update"), managers(reapplied));
    }

    @Test
    void associativeListsMergeContainersByNameAndPortsByPortAndProtocol() {
        Map<String, Object> first = apply("a", null, NGINX, false);
        Map<String, Object> second = apply("b", first, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: nginx}
                spec:
                  template:
                    spec:
                      containers:
                      - name: sidecar
                        image: busybox
                      - name: nginx
                        ports:
                        - {containerPort: 80, protocol: UDP}
                """, false);
        List<?> containers = (List<?>) at(second, "spec", "template", "spec", "containers");
        assertEquals(
                List.of("sidecar", "nginx"),
                containers.stream().map(c -> ((Map<?, ?>) c).get("name")).toList());
        Map<?, ?> nginx = (Map<?, ?>) containers.get(1);
        assertEquals("nginx:1.25", nginx.get("image"));
        assertEquals(2, ((List<?>) nginx.get("ports")).size(), "TCP 80 and UDP 80 are two ports");
        assertTrue(fields(second, "b", "Apply").contains("k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"UDP\\\"}"));
        assertTrue(fields(second, "b", "Apply").contains("k:{\\\"name\\\":\\\"sidecar\\\"}"));
    }

    @Test
    void anAtomicListIsReplacedAsAWhole() {
        Map<String, Object> first =
                apply("a", null, NGINX.replace("image: nginx:1.25", "image: nginx:1.25\n        args: [x, y]"), false);
        Map<String, Object> second =
                apply("a", first, NGINX.replace("image: nginx:1.25", "image: nginx:1.25\n        args: [z]"), false);
        Map<?, ?> nginx = (Map<?, ?>) ((List<?>) at(second, "spec", "template", "spec", "containers")).get(0);
        assertEquals(List.of("z"), nginx.get("args"));
        assertTrue(fields(second, "a", "Apply").contains("\"f:args\":{}"));
    }

    @Test
    void kubectlMovingFromClientSideApplyTakesOverWithoutConflictsAndKeepsTheAnnotation() {
        String lastApplied = Json.toText(yaml(NGINX));
        Map<String, Object> live = yaml(NGINX);
        JsonMaps.put(
                live,
                List.of("metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"),
                lastApplied);
        Map<String, Object> created =
                FieldManager.update(write(DEPLOYMENT, "kubectl-client-side-apply", T0), null, live);
        Map<String, Object> moved = apply("kubectl", created, NGINX.replace("replicas: 2", "replicas: 4"), false);
        assertEquals(4, at(moved, "spec", "replicas"));
        String annotation =
                (String) at(moved, "metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration");
        assertTrue(annotation.contains("\"replicas\":4") && annotation.endsWith("}\n"), annotation);
        assertThrows(
                KubernetesException.class,
                () -> apply("other", created, NGINX.replace("replicas: 2", "replicas: 4"), false));
    }

    @Test
    void theFirstApplyToAnUntrackedObjectGivesItsFieldsToBeforeFirstApply() {
        Map<String, Object> untracked =
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {old: '1'}}");
        Map<String, Object> applied = FieldManager.apply(
                write(CONFIG_MAP, "a", T1),
                untracked,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {new: '2'}}"),
                false);
        assertEquals(List.of("a/Apply", "before-first-apply/Update"), managers(applied));
        assertEquals(Map.of("old", "1", "new", "2"), at(applied, "data"));
    }

    @Test
    void anApplyThatChangesNothingKeepsTheTime() {
        Map<String, Object> first = FieldManager.apply(write(DEPLOYMENT, "a", T0), null, yaml(NGINX), false);
        Map<String, Object> again = apply("a", first, NGINX, false);
        assertEquals(managedFields(first), managedFields(again));
    }

    @Test
    void theStatusOfAResourceWithAStatusSubresourceIsOwnedOnlyThroughStatus() {
        String withStatus = NGINX + "status: {replicas: 2}\n";
        Map<String, Object> main = apply("a", null, withStatus, false);
        assertFalse(fields(main, "a", "Apply").contains("f:status"));
        FieldManager.Write status =
                new FieldManager.Write(schema(DEPLOYMENT), false, DEPLOYMENT, "b", "status", true, T1);
        Map<String, Object> viaStatus =
                FieldManager.apply(status, main, yaml(withStatus.replace("replicas: 2}", "replicas: 1}")), false);
        assertEquals(fieldsV1("{f:status: {f:replicas: {}}}"), fields(viaStatus, "b", "Apply"));
        assertEquals(
                "status",
                managedFields(viaStatus).stream()
                        .filter(e -> "b".equals(e.get("manager")))
                        .findFirst()
                        .orElseThrow()
                        .get("subresource"));
    }

    @Test
    void aCustomResourceFollowsItsCrdSchemaAndAKindWithoutSchemaIsDeduced() {
        GroupVersionKind gvk = new GroupVersionKind("example.com", "v1", "Widget");
        ObjectSchema crd = CrdSchemas.resource(gvk, yaml("""
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      items:
                        type: array
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [id]
                        items: {type: object, properties: {id: {type: string}, n: {type: integer}}}
                """));
        String widget =
                "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {items: [{id: a, n: 1}]}}";
        Map<String, Object> typed = FieldManager.apply(
                new FieldManager.Write(crd, true, gvk, "m", null, false, T0), null, yaml(widget), false);
        assertEquals(fieldsV1("""
                f:spec:
                  f:items:
                    k:{"id":"a"}: {.: {}, f:id: {}, f:n: {}}
                """), fields(typed, "m", "Apply"));
        Map<String, Object> deduced = FieldManager.apply(
                new FieldManager.Write(null, true, gvk, "m", null, false, T0), null, yaml(widget), false);
        assertEquals(fieldsV1("{f:spec: {.: {}, f:items: {}}}"), fields(deduced, "m", "Apply"));
    }

    @Test
    void anUndeclaredFieldOrAWrongTypeIsTheApiServersReasonless500NamingThePath() {
        KubernetesException unknown = assertThrows(
                KubernetesException.class,
                () -> apply("a", null, NGINX.replace("replicas: 2", "replicas: 2\n  bogus: 1"), false));
        assertEquals(500, unknown.code());
        assertNull(unknown.toStatus().get("reason"), "the API server gives no reason");
        assertEquals(
                "failed to create typed patch object (/nginx; apps/v1, Kind=Deployment): .spec.bogus: field not declared in schema",
                unknown.getMessage());
        KubernetesException type = assertThrows(
                KubernetesException.class,
                () -> apply("a", null, NGINX.replace("replicas: 2", "replicas: two"), false));
        assertTrue(
                type.getMessage().endsWith(".spec.replicas: expected numeric (int or float), got string"),
                type.getMessage());
        KubernetesException duplicate = assertThrows(
                KubernetesException.class,
                () -> apply(
                        "a",
                        null,
                        NGINX.replace("- containerPort: 80", "- containerPort: 80\n        - containerPort: 80"),
                        false));
        assertTrue(
                duplicate
                        .getMessage()
                        .endsWith(".spec.template.spec.containers[name=\"nginx\"].ports: duplicate entries for key "
                                + "[containerPort=80,protocol=\"TCP\"]"),
                duplicate.getMessage());
    }

    @Test
    void anApplyOfAnotherKindOrWithManagedFieldsIsA400() {
        assertEquals(
                "invalid object type: /v1, Kind=ConfigMap",
                assertThrows(
                                KubernetesException.class,
                                () -> apply("a", null, "{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}", false))
                        .getMessage());
        assertEquals(
                "metadata.managedFields must be nil",
                assertThrows(
                                KubernetesException.class,
                                () -> apply(
                                        "a",
                                        null,
                                        NGINX.replace(
                                                "  name: nginx\n  labels",
                                                "  name: nginx\n  managedFields: []\n  labels"),
                                        false))
                        .getMessage());
    }

    @Test
    void theManagerComesFromTheParameterOrElseTheUserAgentPrefix() {
        assertEquals("mine", FieldManager.manager("mine", "kubectl/v1.32.4 (linux/amd64)"));
        assertEquals("kubectl", FieldManager.manager(null, "kubectl/v1.32.4 (linux/amd64) kubernetes/abc"));
        assertEquals("fabric8-kubernetes-client", FieldManager.manager("", "fabric8-kubernetes-client/6.13.4"));
        assertEquals("", FieldManager.manager(null, null));
        Map<String, Object> created = FieldManager.update(
                write(CONFIG_MAP, "", T0),
                null,
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {x: '1'}}"));
        assertEquals(List.of("unknown/Update"), managers(created));
    }

    @Test
    void moreThanTenUpdatersMergeTheOldestIntoAncientChanges() {
        Map<String, Object> object = yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {k0: v}}");
        object = FieldManager.update(write(CONFIG_MAP, "m0", T0), null, object);
        for (int i = 1; i <= 11; i++) {
            Map<String, Object> next = JsonMaps.copy(object);
            JsonMaps.put(next, List.of("data", "k" + i), "v");
            object = FieldManager.update(write(CONFIG_MAP, "m" + i, T0.plusSeconds(i)), object, next);
        }
        List<String> managers = managers(object);
        assertEquals(10, managers.size(), managers.toString());
        assertTrue(managers.contains("ancient-changes/Update"), managers.toString());
    }
}
