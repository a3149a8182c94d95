package kmock.internal.k8s.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BuiltinSchemasTest {

    private final BuiltinSchemas schemas = BuiltinSchemas.get();

    private ObjectSchema deployment() {
        return schemas.kind(new GroupVersionKind("apps", "v1", "Deployment"));
    }

    private static ObjectSchema object(Schema schema) {
        return assertInstanceOf(ObjectSchema.class, schema);
    }

    @Test
    void knowsTheKindsOfEveryBuiltInGroup() {
        for (String[] kind : new String[][] {
            {"", "v1", "Pod"},
            {"", "v1", "ConfigMap"},
            {"apps", "v1", "StatefulSet"},
            {"batch", "v1", "CronJob"},
            {"networking.k8s.io", "v1", "Ingress"},
            {"rbac.authorization.k8s.io", "v1", "ClusterRole"},
            {"apiextensions.k8s.io", "v1", "CustomResourceDefinition"},
            {"coordination.k8s.io", "v1", "Lease"},
            {"discovery.k8s.io", "v1", "EndpointSlice"}
        }) {
            assertNotNull(schemas.kind(new GroupVersionKind(kind[0], kind[1], kind[2])), String.join("/", kind));
        }
        assertNull(schemas.kind(new GroupVersionKind("kopf.dev", "v1", "KopfExample")));
        assertTrue(schemas.kinds().size() > 100, "kinds: " + schemas.kinds().size());
    }

    @Test
    void containersMergeByNameForBothPatchStrategies() {
        ObjectSchema podSpec = object(object(object(deployment().field("spec").schema())
                        .field("template")
                        .schema())
                .field("spec")
                .schema());
        Field containers = podSpec.field("containers");
        assertTrue(containers.mergesList());
        assertEquals("name", containers.patchMergeKey());
        assertTrue(containers.required());
        ListSchema list = assertInstanceOf(ListSchema.class, containers.schema());
        assertEquals(ListSchema.ListType.MAP, list.type());
        assertEquals(List.of("name"), list.keys());
        Field ports = object(list.items()).field("ports");
        assertEquals("containerPort", ports.patchMergeKey());
        assertEquals(List.of("containerPort", "protocol"), ((ListSchema) ports.schema()).keys());
    }

    @Test
    void inlinedStructsLendTheirFields() {
        ObjectSchema volume = schemas.type("io.k8s.api.core.v1.Volume");
        assertNotNull(volume.field("configMap"));
        assertNotNull(volume.field("name"));
        assertNull(volume.field("-"));
        assertNotNull(deployment().field("apiVersion"));
        assertNotNull(deployment().field("kind"));
    }

    @Test
    void finalizersAreAMergedSetAndOwnerReferencesAMapByUid() {
        ObjectSchema meta = object(deployment().field("metadata").schema());
        Field finalizers = meta.field("finalizers");
        assertTrue(finalizers.mergesList());
        assertEquals(ListSchema.ListType.SET, ((ListSchema) finalizers.schema()).type());
        assertEquals(List.of("uid"), ((ListSchema) meta.field("ownerReferences").schema()).keys());
        assertTrue(object(((ListSchema) meta.field("ownerReferences").schema()).items())
                .atomic());
        assertEquals(
                ScalarSchema.Type.DATE_TIME,
                ((ScalarSchema) meta.field("creationTimestamp").schema()).type());
    }

    @Test
    void goFactsSayPointersDefaultsEnumsAndRetainKeys() {
        ObjectSchema spec = object(deployment().field("spec").schema());
        assertTrue(spec.field("replicas").pointer());
        assertTrue(spec.field("strategy").retainsKeys());
        assertFalse(spec.field("strategy").mergesList());
        ObjectSchema port = schemas.type("io.k8s.api.core.v1.ContainerPort");
        assertEquals("TCP", port.field("protocol").defaultValue());
        assertEquals(
                List.of("TCP", "UDP", "SCTP"),
                port.field("protocol").schema().constraints().enumValues());
        assertEquals(
                ScalarSchema.Type.INT_OR_STRING,
                ((ScalarSchema) schemas.type("io.k8s.api.core.v1.ServicePort")
                                .field("targetPort")
                                .schema())
                        .type());
    }

    @Test
    void recursiveTypesShareOneNode() {
        ObjectSchema props = schemas.type("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps");
        MapSchema properties =
                assertInstanceOf(MapSchema.class, props.field("properties").schema());
        assertSame(props, properties.values());
    }
}
