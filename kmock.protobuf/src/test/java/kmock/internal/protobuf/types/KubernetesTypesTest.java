package kmock.internal.protobuf.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Kinds found by apiVersion in the descriptor set that the build wrote from client-java-proto. */
class KubernetesTypesTest {

    private static String find(String apiVersion, String kind) {
        return KubernetesTypes.bundled().find(apiVersion, kind).getFullName();
    }

    @Test
    void everyGroupFindsItsPackage() {
        assertEquals("k8s.io.api.core.v1.Namespace", find("v1", "Namespace"));
        assertEquals("k8s.io.api.apps.v1.Deployment", find("apps/v1", "Deployment"));
        assertEquals("k8s.io.api.batch.v1.Job", find("batch/v1", "Job"));
        assertEquals("k8s.io.api.rbac.v1.RoleBinding", find("rbac.authorization.k8s.io/v1", "RoleBinding"));
        assertEquals("k8s.io.api.networking.v1.Ingress", find("networking.k8s.io/v1", "Ingress"));
        assertEquals("k8s.io.api.policy.v1.PodDisruptionBudget", find("policy/v1", "PodDisruptionBudget"));
        assertEquals("k8s.io.api.scheduling.v1.PriorityClass", find("scheduling.k8s.io/v1", "PriorityClass"));
        assertEquals("k8s.io.api.authentication.v1.TokenRequest", find("authentication.k8s.io/v1", "TokenRequest"));
        assertEquals(
                "k8s.io.api.autoscaling.v1.HorizontalPodAutoscaler", find("autoscaling/v1", "HorizontalPodAutoscaler"));
        assertEquals(
                "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinition",
                find("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition"));
    }

    @Test
    void theMetaTypesAreServedInEveryGroupVersion() {
        assertEquals("k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions", find("v1", "DeleteOptions"));
        assertEquals("k8s.io.apimachinery.pkg.apis.meta.v1.Status", find("apps/v1", "Status"));
        assertEquals("k8s.io.apimachinery.pkg.apis.meta.v1.Status", find("meta.k8s.io/v1", "Status"));
    }

    @Test
    void anUnknownKindOrGroupNamesBothAndSaysToSendJson() {
        IllegalArgumentException kind =
                assertThrows(IllegalArgumentException.class, () -> find("apps/v1", "Frobnicator"));
        assertTrue(
                kind.getMessage().startsWith("no protobuf descriptor for kind Frobnicator in apiVersion apps/v1"),
                kind.getMessage());
        assertTrue(kind.getMessage().contains("send this object as JSON"), kind.getMessage());
        IllegalArgumentException group =
                assertThrows(IllegalArgumentException.class, () -> find("kopf.dev/v1", "KopfExample"));
        assertTrue(group.getMessage().contains("kind KopfExample in apiVersion kopf.dev/v1"), group.getMessage());
        assertThrows(IllegalArgumentException.class, () -> find("apps/v7", "Deployment"));
    }

    @Test
    void theNamedSourceIsTheClientJavaProtoOnTheBuildPath() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = Class.forName("io.kubernetes.client.proto.V1")
                .getResourceAsStream("/META-INF/maven/io.kubernetes/client-java-proto/pom.properties")) {
            pom.load(in);
        }
        assertEquals("io.kubernetes:client-java-proto " + pom.getProperty("version"), KubernetesTypes.SOURCE);
    }
}
