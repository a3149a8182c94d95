package kmock.internal.k8s.selectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.internal.json.Json;
import kmock.internal.k8s.status.KubernetesException;

class FieldLabelsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text);
    }

    private static Predicate<Map<String, Object>> select(String resource, String selector) {
        return Selectors.fields(selector, FieldLabels.of(Resource.parse(resource), true, null));
    }

    private static final Map<String, Object> POD = json("{\"metadata\":{\"name\":\"web\",\"namespace\":\"ns\"},"
            + "\"spec\":{\"nodeName\":\"node-1\",\"restartPolicy\":\"Always\",\"serviceAccountName\":\"robot\"},"
            + "\"status\":{\"phase\":\"Running\",\"podIPs\":[{\"ip\":\"10.0.0.7\"}]}}");

    @Test
    void podsAreSelectedByTheirOwnFields() {
        assertTrue(
                select("v1/pods", "spec.nodeName=node-1,status.phase=Running").test(POD));
        assertTrue(select("v1/pods", "spec.restartPolicy==Always,spec.serviceAccountName=robot")
                .test(POD));
        assertTrue(select("v1/pods", "status.podIP=10.0.0.7").test(POD), "the first of status.podIPs");
        assertTrue(select("v1/pods", "spec.host=node-1").test(POD), "the old name of spec.nodeName");
        assertFalse(select("v1/pods", "status.phase!=Running").test(POD));
    }

    @Test
    void anUnsupportedLabelIsABadRequestNamingIt() {
        KubernetesException error =
                assertThrows(KubernetesException.class, () -> select("v1/pods", "spec.containers=x"));
        assertEquals(400, error.code());
        assertTrue(error.getMessage().startsWith("field label not supported: spec.containers"), error.getMessage());
        KubernetesException other = assertThrows(KubernetesException.class, () -> select("v1/configmaps", "data.a=1"));
        assertTrue(
                other.getMessage()
                        .startsWith("\"data.a\" is not a known field selector: only \"metadata.name\", "
                                + "\"metadata.namespace\""),
                other.getMessage());
        assertThrows(
                KubernetesException.class,
                () -> Selectors.fields(
                        "metadata.namespace=x", FieldLabels.of(Resource.parse("v1/namespaces"), false, null)),
                "namespaces have no namespace label");
    }

    @Test
    void eventsOfBothApisAreSelectedByTheObjectTheyAreAbout() {
        Map<String, Object> core = json("{\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"web\",\"uid\":\"u1\"},"
                + "\"reason\":\"Pulled\",\"type\":\"Normal\",\"source\":{\"component\":\"kubelet\"}}");
        assertTrue(select("v1/events", "involvedObject.kind=Pod,involvedObject.name=web,involvedObject.uid=u1")
                .test(core));
        assertTrue(
                select("v1/events", "reason=Pulled,type=Normal,source=kubelet").test(core));
        Map<String, Object> newer =
                json("{\"regarding\":{\"kind\":\"Pod\",\"name\":\"web\"},\"reportingController\":\"kubelet\"}");
        assertTrue(select("events.k8s.io/v1/events", "regarding.name=web,reportingController=kubelet")
                .test(newer));
    }

    @Test
    void secretsNamespacesJobsAndNodesAddTheirFields() {
        assertTrue(select("v1/secrets", "type=Opaque").test(json("{}")), "the default type");
        assertTrue(Selectors.fields("status.phase=Active", FieldLabels.of(Resource.parse("v1/namespaces"), false, null))
                .test(json("{\"metadata\":{\"name\":\"n\"}}")));
        assertTrue(select("batch/v1/jobs", "status.successful=2").test(json("{\"status\":{\"succeeded\":2}}")));
        assertTrue(Selectors.fields("spec.unschedulable=false", FieldLabels.of(Resource.parse("v1/nodes"), false, null))
                .test(json("{}")));
    }

    @Test
    void customResourcesAddTheSelectableFieldsOfTheirDefinition() {
        Map<String, Object> crd = json(
                "{\"spec\":{\"versions\":[{\"name\":\"v1\",\"selectableFields\":[{\"jsonPath\":\".spec.color\"}]}]}}");
        FieldLabels labels = FieldLabels.of(Resource.parse("example.com/v1/widgets"), true, crd);
        assertTrue(Selectors.fields("spec.color=red,metadata.name=w", labels)
                .test(json("{\"metadata\":{\"name\":\"w\"},\"spec\":{\"color\":\"red\"}}")));
        KubernetesException error =
                assertThrows(KubernetesException.class, () -> Selectors.fields("spec.size=1", labels));
        assertTrue(error.getMessage().startsWith("field label not supported: spec.size"), error.getMessage());
    }

    @Test
    void resourcesNothingDefinesKeepAnyDottedPath() {
        assertTrue(
                Selectors.fields("spec.a.b=1", FieldLabels.of(Resource.parse("kopf.dev/v1/kopfexamples"), true, null))
                        .test(json("{\"spec\":{\"a\":{\"b\":1}}}")));
    }
}
