package kmock.internal.k8s.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.internal.json.Json;
import kmock.internal.k8s.schema.BuiltinSchemas;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.TypedDecoder;

/**
 * The defaults of the kinds beyond the common workloads, each from its group's defaults.go in Kubernetes 1.32 (or a
 * {@code +default} marker of k8s.io/api), applied to objects decoded by their schemas.
 */
class BuiltinDefaultsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaulted(String apiVersion, String kind, String json) {
        GroupVersionKind gvk = GroupVersionKind.of(apiVersion, kind);
        ObjectSchema schema = BuiltinSchemas.get().kind(gvk);
        Map<String, Object> object = TypedDecoder.decode(schema, (Map<String, ?>) Json.parse(json), true, gvk)
                .object();
        BuiltinDefaults.apply(schema, object);
        return object;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object object, String... path) {
        Object current = object;
        for (String step : path) {
            current = current instanceof List<?> list
                    ? list.get(Integer.parseInt(step))
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    private static Object json(String text) {
        return Json.parse(text);
    }

    @Test
    void aPodTemplateVolumeContainerAndProbeGetTheirDefaults() {
        Map<String, Object> template = defaulted("v1", "PodTemplate", """
                {"metadata": {"name": "t"}, "template": {"spec": {"serviceAccount": "robot", "hostNetwork": true,
                  "containers": [{"name": "c", "image": "app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                    "ports": [{"containerPort": 8080}],
                    "env": [{"name": "NODE", "valueFrom": {"fieldRef": {"fieldPath": "spec.nodeName"}}}],
                    "resources": {"requests": {"cpu": "0.0001"}},
                    "readinessProbe": {"grpc": {"port": 9000}},
                    "lifecycle": {"preStop": {"httpGet": {"port": 80}}}}],
                  "volumes": [{"name": "a", "secret": {"secretName": "s"}},
                              {"name": "b", "projected": {"sources": [{"serviceAccountToken": {"path": "token"}}]}},
                              {"name": "c", "hostPath": {"path": "/data"}},
                              {"name": "d", "azureDisk": {"diskName": "d", "diskURI": "u"}},
                              {"name": "e", "iscsi": {"targetPortal": "p", "iqn": "i", "lun": 0}}]}}}""");
        Map<String, Object> spec = at(template, "template", "spec");
        assertEquals("robot", spec.get("serviceAccountName"), "serviceAccount is an alias of serviceAccountName");
        assertEquals(null, spec.get("enableServiceLinks"), "only Pods get enableServiceLinks");
        Map<String, Object> container = at(spec, "containers", "0");
        assertEquals("IfNotPresent", container.get("imagePullPolicy"), "a digest without a tag");
        assertEquals(
                json("[{\"containerPort\": 8080, \"protocol\": \"TCP\"}]"),
                container.get("ports"),
                "host ports follow container ports on Pods only");
        assertEquals(
                json("{\"apiVersion\": \"v1\", \"fieldPath\": \"spec.nodeName\"}"),
                at(container, "env", "0", "valueFrom", "fieldRef"));
        assertEquals(json("{\"cpu\": \"1m\"}"), at(container, "resources", "requests"), "rounded up to a milli");
        assertEquals(json("""
                {"grpc": {"port": 9000, "service": ""}, "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1,
                 "failureThreshold": 3}"""), container.get("readinessProbe"));
        assertEquals(
                json("{\"path\": \"/\", \"port\": 80, \"scheme\": \"HTTP\"}"),
                at(container, "lifecycle", "preStop", "httpGet"));
        assertEquals(420, (int) at(spec, "volumes", "0", "secret", "defaultMode"));
        assertEquals(
                json(
                        "{\"sources\": [{\"serviceAccountToken\": {\"expirationSeconds\": 3600, \"path\": \"token\"}}], \"defaultMode\": 420}"),
                at(spec, "volumes", "1", "projected"));
        assertEquals("", at(spec, "volumes", "2", "hostPath", "type"));
        assertEquals(json("""
                {"diskName": "d", "diskURI": "u", "cachingMode": "ReadWrite", "fsType": "ext4", "readOnly": false, "kind": "Shared"}"""), at(spec, "volumes", "3", "azureDisk"));
        assertEquals("default", at(spec, "volumes", "4", "iscsi", "iscsiInterface"));
    }

    @Test
    void podHostNetworkingMakesContainerPortsHostPorts() {
        Map<String, Object> pod = defaulted("v1", "Pod", """
                {"metadata": {"name": "p"}, "spec": {"hostNetwork": true,
                  "containers": [{"name": "c", "image": "x", "ports": [{"containerPort": 8080}]}]}}""");
        assertEquals(8080, (int) at(pod, "spec", "containers", "0", "ports", "0", "hostPort"));
    }

    @Test
    void aClientIpServiceGetsAThreeHourAffinityTimeout() {
        Map<String, Object> service = defaulted("v1", "Service", """
                {"metadata": {"name": "s"}, "spec": {"sessionAffinity": "ClientIP", "ports": [{"port": 80, "targetPort": "http"}]}}""");
        assertEquals(json("{\"clientIP\": {\"timeoutSeconds\": 10800}}"), at(service, "spec", "sessionAffinityConfig"));
        assertEquals("http", at(service, "spec", "ports", "0", "targetPort"));
    }

    @Test
    void aReplicationControllerTakesItsSelectorAndLabelsFromItsTemplate() {
        Map<String, Object> controller = defaulted("v1", "ReplicationController", """
                {"metadata": {"name": "rc"}, "spec": {"template": {"metadata": {"labels": {"app": "x"}},
                  "spec": {"containers": [{"name": "c", "image": "x"}]}}}}""");
        assertEquals(json("{\"app\": \"x\"}"), at(controller, "spec", "selector"));
        assertEquals(json("{\"app\": \"x\"}"), at(controller, "metadata", "labels"));
        assertEquals(1, (int) at(controller, "spec", "replicas"));
    }

    @Test
    void aContainerLimitRangeDefaultsLimitsAndRequests() {
        Map<String, Object> range = defaulted("v1", "LimitRange", """
                {"metadata": {"name": "l"}, "spec": {"limits": [{"type": "Container", "max": {"cpu": "2"}, "min": {"memory": "64Mi"}}]}}""");
        assertEquals(json("""
                {"type": "Container", "max": {"cpu": "2"}, "min": {"memory": "64Mi"}, "default": {"cpu": "2"},
                 "defaultRequest": {"cpu": "2", "memory": "64Mi"}}"""), at(range, "spec", "limits", "0"));
    }

    @Test
    void aPersistentVolumeIsRetainedFilesystemAndPending() {
        Map<String, Object> volume = defaulted("v1", "PersistentVolume", """
                {"metadata": {"name": "pv"}, "spec": {"capacity": {"storage": "1Gi"}, "hostPath": {"path": "/d"}}}""");
        assertEquals("Retain", at(volume, "spec", "persistentVolumeReclaimPolicy"));
        assertEquals("Filesystem", at(volume, "spec", "volumeMode"));
        assertEquals(json("{\"phase\": \"Pending\"}"), volume.get("status"));
    }

    @Test
    void anAutoscalerWithoutMetricsTargetsEightyPercentCpu() {
        Map<String, Object> autoscaler = defaulted("autoscaling/v2", "HorizontalPodAutoscaler", """
                {"metadata": {"name": "h"}, "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "d"}, "maxReplicas": 5,
                  "behavior": {"scaleDown": {"stabilizationWindowSeconds": 60}}}}""");
        assertEquals(1, (int) at(autoscaler, "spec", "minReplicas"));
        assertEquals(
                json(
                        "[{\"type\": \"Resource\", \"resource\": {\"name\": \"cpu\", \"target\": {\"type\": \"Utilization\", \"averageUtilization\": 80}}}]"),
                at(autoscaler, "spec", "metrics"));
        assertEquals(json("""
                {"scaleUp": {"stabilizationWindowSeconds": 0, "selectPolicy": "Max",
                             "policies": [{"type": "Pods", "value": 4, "periodSeconds": 15},
                                          {"type": "Percent", "value": 100, "periodSeconds": 15}]},
                 "scaleDown": {"stabilizationWindowSeconds": 60, "selectPolicy": "Max",
                               "policies": [{"type": "Percent", "value": 100, "periodSeconds": 15}]}}"""), at(autoscaler, "spec", "behavior"));
    }

    @Test
    void aNetworkPolicyWithEgressRulesIsOfBothTypes() {
        Map<String, Object> policy = defaulted("networking.k8s.io/v1", "NetworkPolicy", """
                {"metadata": {"name": "n"}, "spec": {"podSelector": {}, "egress": [{"ports": [{"port": 53}]}]}}""");
        assertEquals(List.of("Ingress", "Egress"), at(policy, "spec", "policyTypes"));
        assertEquals("TCP", at(policy, "spec", "egress", "0", "ports", "0", "protocol"));
    }

    @Test
    void endpointSlicePortsGetAnEmptyNameAndTcp() {
        Map<String, Object> slice = defaulted("discovery.k8s.io/v1", "EndpointSlice", """
                {"metadata": {"name": "e"}, "addressType": "IPv4", "endpoints": [], "ports": [{"port": 80}]}""");
        assertEquals(json("[{\"name\": \"\", \"protocol\": \"TCP\", \"port\": 80}]"), slice.get("ports"));
    }

    @SuppressWarnings(
            "cast") // the (Object) cast javac calls redundant picks assertEquals(Object, Object) for a generic at(...)
    @Test
    void bindingsAndUserSubjectsBelongToTheRbacGroup() {
        Map<String, Object> binding = defaulted("rbac.authorization.k8s.io/v1", "RoleBinding", """
                {"metadata": {"name": "b"}, "roleRef": {"kind": "Role", "name": "r"},
                 "subjects": [{"kind": "User", "name": "ann"}, {"kind": "ServiceAccount", "name": "sa", "namespace": "ns"}]}""");
        assertEquals("rbac.authorization.k8s.io", at(binding, "roleRef", "apiGroup"));
        assertEquals("rbac.authorization.k8s.io", at(binding, "subjects", "0", "apiGroup"));
        assertEquals(null, (Object) at(binding, "subjects", "1", "apiGroup"));
    }

    @Test
    void storageClassesDeleteAndBindImmediately() {
        Map<String, Object> storageClass = defaulted("storage.k8s.io/v1", "StorageClass", """
                {"metadata": {"name": "fast"}, "provisioner": "example.com/disk"}""");
        assertEquals("Delete", storageClass.get("reclaimPolicy"));
        assertEquals("Immediate", storageClass.get("volumeBindingMode"));
    }

    @Test
    void aCsiDriverGetsEveryFlagDefaulted() {
        Map<String, Object> driver =
                defaulted("storage.k8s.io/v1", "CSIDriver", "{\"metadata\": {\"name\": \"d\"}, \"spec\": {}}");
        assertEquals(json("""
                {"attachRequired": true, "podInfoOnMount": false, "volumeLifecycleModes": ["Persistent"], "storageCapacity": false,
                 "fsGroupPolicy": "ReadWriteOnceWithFSType", "requiresRepublish": false, "seLinuxMount": false}"""), driver.get("spec"));
    }

    @Test
    void aPriorityClassPreemptsLowerPriorities() {
        Map<String, Object> priorityClass =
                defaulted("scheduling.k8s.io/v1", "PriorityClass", "{\"metadata\": {\"name\": \"p\"}, \"value\": 10}");
        assertEquals("PreemptLowerPriority", priorityClass.get("preemptionPolicy"));
    }

    @Test
    void aWebhookFailsClosedAfterTenSecondsAndItsRulesMatchAllScopes() {
        Map<String, Object> configuration =
                defaulted("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", """
                {"metadata": {"name": "w"}, "webhooks": [{"name": "w.example.com", "sideEffects": "None",
                  "admissionReviewVersions": ["v1"], "clientConfig": {"service": {"namespace": "ns", "name": "svc"}},
                  "rules": [{"operations": ["CREATE"], "apiGroups": [""], "apiVersions": ["v1"], "resources": ["pods"]}]}]}""");
        assertEquals(json("""
                {"name": "w.example.com", "clientConfig": {"service": {"namespace": "ns", "name": "svc", "port": 443}},
                 "rules": [{"operations": ["CREATE"], "apiGroups": [""], "apiVersions": ["v1"], "resources": ["pods"], "scope": "*"}],
                 "failurePolicy": "Fail", "matchPolicy": "Equivalent", "namespaceSelector": {}, "objectSelector": {},
                 "sideEffects": "None", "timeoutSeconds": 10, "admissionReviewVersions": ["v1"], "reinvocationPolicy": "Never"}"""), at(configuration, "webhooks", "0"));
    }

    @Test
    void aValidatingAdmissionPolicyFailsClosedAndMatchesEquivalentRequests() {
        Map<String, Object> policy = defaulted("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy", """
                {"metadata": {"name": "p"}, "spec": {"matchConstraints": {"resourceRules": [{"operations": ["CREATE"],
                  "apiGroups": ["apps"], "apiVersions": ["v1"], "resources": ["deployments"]}]},
                  "validations": [{"expression": "true"}]}}""");
        assertEquals("Fail", at(policy, "spec", "failurePolicy"));
        assertEquals(json("""
                {"namespaceSelector": {}, "objectSelector": {}, "resourceRules": [{"operations": ["CREATE"], "apiGroups": ["apps"],
                  "apiVersions": ["v1"], "resources": ["deployments"], "scope": "*"}], "matchPolicy": "Equivalent"}"""), at(policy, "spec", "matchConstraints"));
    }

    @Test
    void flowControlObjectsGetTheirPrecedenceAndQueues() {
        Map<String, Object> schema = defaulted("flowcontrol.apiserver.k8s.io/v1", "FlowSchema", """
                {"metadata": {"name": "f"}, "spec": {"priorityLevelConfiguration": {"name": "p"}}}""");
        assertEquals(1000, (int) at(schema, "spec", "matchingPrecedence"));
        Map<String, Object> level = defaulted("flowcontrol.apiserver.k8s.io/v1", "PriorityLevelConfiguration", """
                {"metadata": {"name": "p"}, "spec": {"type": "Limited", "limited": {"limitResponse": {"type": "Queue", "queuing": {}}}}}""");
        assertEquals(json("""
                {"nominalConcurrencyShares": 30, "limitResponse": {"type": "Queue", "queuing": {"queues": 64, "handSize": 8,
                 "queueLengthLimit": 50}}, "lendablePercent": 0}"""), at(level, "spec", "limited"));
    }

    @Test
    void aCustomResourceDefinitionGetsItsNamesConversionAndStoredVersion() {
        Map<String, Object> crd = defaulted("apiextensions.k8s.io/v1", "CustomResourceDefinition", """
                {"metadata": {"name": "things.example.com"}, "spec": {"group": "example.com", "scope": "Namespaced",
                  "names": {"plural": "things", "kind": "Thing"},
                  "versions": [{"name": "v1alpha1", "served": true, "storage": false},
                               {"name": "v1", "served": true, "storage": true}]}}""");
        assertEquals(
                json(
                        "{\"plural\": \"things\", \"singular\": \"thing\", \"kind\": \"Thing\", \"listKind\": \"ThingList\"}"),
                at(crd, "spec", "names"));
        assertEquals(json("{\"strategy\": \"None\"}"), at(crd, "spec", "conversion"));
        assertEquals(List.of("v1"), at(crd, "status", "storedVersions"));
    }

    @Test
    void defaultingTwiceChangesNothingMore() {
        String json = """
                {"metadata": {"name": "d"}, "spec": {"selector": {"matchLabels": {"a": "b"}},
                  "template": {"metadata": {"labels": {"a": "b"}}, "spec": {"containers": [{"name": "c", "image": "x"}]}}}}""";
        Map<String, Object> once = defaulted("apps/v1", "Deployment", json);
        Map<String, Object> twice = new java.util.LinkedHashMap<>(once);
        BuiltinDefaults.apply(BuiltinSchemas.get().kind(GroupVersionKind.of("apps/v1", "Deployment")), twice);
        assertEquals(Json.toText(once), Json.toText(twice), "same values in the same order");
    }
}
