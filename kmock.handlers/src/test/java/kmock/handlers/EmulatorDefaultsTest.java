package kmock.handlers;

import static kmock.handlers.ExpectedJson.at;
import static kmock.handlers.ExpectedJson.expected;
import static kmock.handlers.ExpectedJson.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;

/**
 * A minimal object of each common kind reads back as kube-apiserver 1.32 stores it: defaulted by the kind's
 * defaulting functions (pkg/apis/&lt;group&gt;/v1/defaults.go) before and after its strategy
 * (pkg/registry/&lt;group&gt;/&lt;resource&gt;/strategy.go) ran, without admission plugins. Values only the server
 * knows are filled in from the answer as {@code <uid>}, {@code <time>} and so on.
 */
@BothTransports
class EmulatorDefaultsTest {

    private static final String CONTAINER_DEFAULTS = """
            "resources": {}, "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File"\
            """;
    private static final String POD_SPEC_DEFAULTS = """
            "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
            "securityContext": {}, "schedulerName": "default-scheduler"\
            """;

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
    }

    /**
     * Creates an object and returns it as read back from the emulator, without its {@code managedFields}: the
     * creator's Update entry is EmulatorServerSideApplyTest's subject, the defaults are this test's.
     */
    @SuppressWarnings("unchecked")
    private Map<?, ?> create(String collection, String json) {
        KResponse created = kmock.post(collection, parse(json));
        assertEquals(201, created.status(), created.text());
        Map<?, ?> answer = (Map<?, ?>) created.json();
        KResponse read = kmock.get(collection + "/" + at(answer, "metadata", "name"));
        assertEquals(answer, read.json(), "the answer to the create is what is stored");
        Map<String, Object> object = (Map<String, Object>) read.json();
        ((Map<?, ?>) object.get("metadata")).remove("managedFields");
        return object;
    }

    /** The values the server owns in a read object, by placeholder name. */
    private static Map<String, Object> owned(Map<?, ?> object) {
        return Map.of(
                "uid",
                at(object, "metadata", "uid"),
                "rv",
                at(object, "metadata", "resourceVersion"),
                "time",
                at(object, "metadata", "creationTimestamp"));
    }

    @Test
    void aMinimalPodGetsItsSpecContainerAndStatusDefaults() {
        Map<?, ?> pod = create("/api/v1/namespaces/ns/pods", """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                 "spec": {"containers": [{"name": "c", "image": "nginx"}]}}""");
        assertEquals(expected("""
                {"apiVersion": "v1", "kind": "Pod",
                 "metadata": {"name": "p", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>",
                              "creationTimestamp": "<time>"},
                 "spec": {"containers": [{"name": "c", "image": "nginx", %s, "imagePullPolicy": "Always"}],
                          %s, "enableServiceLinks": true},
                 "status": {"phase": "Pending", "qosClass": "BestEffort"}}""".formatted(CONTAINER_DEFAULTS, POD_SPEC_DEFAULTS), owned(pod)), pod);
    }

    @Test
    void aMinimalDeploymentGetsARollingUpdateStrategyAndGenerationOne() {
        Map<?, ?> deployment = create("/apis/apps/v1/namespaces/ns/deployments", """
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
                 "spec": {"selector": {"matchLabels": {"app": "web"}},
                          "template": {"metadata": {"labels": {"app": "web"}},
                                       "spec": {"containers": [{"name": "c", "image": "nginx:1.27"}]}}}}""");
        assertEquals(expected("""
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>",
                              "generation": 1, "creationTimestamp": "<time>"},
                 "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "web"}},
                          "template": {"metadata": {"creationTimestamp": null, "labels": {"app": "web"}},
                                       "spec": {"containers": [{"name": "c", "image": "nginx:1.27", %s,
                                                                "imagePullPolicy": "IfNotPresent"}], %s}},
                          "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%%", "maxSurge": "25%%"}},
                          "revisionHistoryLimit": 10, "progressDeadlineSeconds": 600},
                 "status": {}}""".formatted(CONTAINER_DEFAULTS, POD_SPEC_DEFAULTS), owned(deployment)), deployment);
    }

    @Test
    void aMinimalServiceGetsAClusterIpFromTheServiceRange() {
        Map<?, ?> service = create("/api/v1/namespaces/ns/services", """
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
                 "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}""");
        String ip = at(service, "spec", "clusterIP");
        assertTrue(ip.matches("10\\.(9[6-9]|10[0-9]|11[01])\\.\\d+\\.\\d+"), ip + " is in 10.96.0.0/12");
        Map<String, Object> values = new java.util.HashMap<>(owned(service));
        values.put("ip", ip);
        assertEquals(expected("""
                {"apiVersion": "v1", "kind": "Service",
                 "metadata": {"name": "web", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>",
                              "creationTimestamp": "<time>"},
                 "spec": {"ports": [{"protocol": "TCP", "port": 80, "targetPort": 80}], "selector": {"app": "web"},
                          "clusterIP": "<ip>", "clusterIPs": ["<ip>"], "type": "ClusterIP", "sessionAffinity": "None",
                          "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack", "internalTrafficPolicy": "Cluster"},
                 "status": {"loadBalancer": {}}}""", values), service);
    }

    @Test
    void aMinimalJobSelectsItsPodsByItsUid() {
        Map<?, ?> job = create("/apis/batch/v1/namespaces/ns/jobs", """
                {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "pi"},
                 "spec": {"template": {"spec": {"restartPolicy": "Never",
                                                "containers": [{"name": "pi", "image": "perl:5.34"}]}}}}""");
        assertEquals(expected("""
                {"apiVersion": "batch/v1", "kind": "Job",
                 "metadata": {"name": "pi", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>", "generation": 1,
                              "creationTimestamp": "<time>",
                              "labels": {"batch.kubernetes.io/controller-uid": "<uid>", "batch.kubernetes.io/job-name": "pi",
                                         "controller-uid": "<uid>", "job-name": "pi"}},
                 "spec": {"parallelism": 1, "completions": 1, "backoffLimit": 6,
                          "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": "<uid>"}},
                          "manualSelector": false,
                          "template": {"metadata": {"creationTimestamp": null,
                                                    "labels": {"batch.kubernetes.io/controller-uid": "<uid>",
                                                               "batch.kubernetes.io/job-name": "pi",
                                                               "controller-uid": "<uid>", "job-name": "pi"}},
                                       "spec": {"containers": [{"name": "pi", "image": "perl:5.34", %s,
                                                                "imagePullPolicy": "IfNotPresent"}],
                                                "restartPolicy": "Never", "terminationGracePeriodSeconds": 30,
                                                "dnsPolicy": "ClusterFirst", "securityContext": {},
                                                "schedulerName": "default-scheduler"}},
                          "completionMode": "NonIndexed", "suspend": false, "podReplacementPolicy": "TerminatingOrFailed"},
                 "status": {}}""".formatted(CONTAINER_DEFAULTS), owned(job)), job);
    }

    @Test
    void aMinimalNamespaceIsActiveWithItsNameLabelAndFinalizer() {
        Map<?, ?> namespace = create("/api/v1/namespaces", """
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}}""");
        assertEquals(expected("""
                {"apiVersion": "v1", "kind": "Namespace",
                 "metadata": {"name": "team-a", "uid": "<uid>", "resourceVersion": "<rv>", "creationTimestamp": "<time>",
                              "labels": {"kubernetes.io/metadata.name": "team-a"}},
                 "spec": {"finalizers": ["kubernetes"]},
                 "status": {"phase": "Active"}}""", owned(namespace)), namespace);
    }

    @Test
    void aMinimalStatefulSetGetsDefaultedClaimTemplates() {
        Map<?, ?> statefulSet = create("/apis/apps/v1/namespaces/ns/statefulsets", """
                {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
                 "spec": {"serviceName": "db", "selector": {"matchLabels": {"app": "db"}},
                          "template": {"metadata": {"labels": {"app": "db"}},
                                       "spec": {"containers": [{"name": "c", "image": "postgres:17"}]}},
                          "volumeClaimTemplates": [{"metadata": {"name": "data"},
                                                    "spec": {"accessModes": ["ReadWriteOnce"],
                                                             "resources": {"requests": {"storage": "1Gi"}}}}]}}""");
        assertEquals(expected("""
                {"apiVersion": "apps/v1", "kind": "StatefulSet",
                 "metadata": {"name": "db", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>", "generation": 1,
                              "creationTimestamp": "<time>"},
                 "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "db"}},
                          "template": {"metadata": {"creationTimestamp": null, "labels": {"app": "db"}},
                                       "spec": {"containers": [{"name": "c", "image": "postgres:17", %s,
                                                                "imagePullPolicy": "IfNotPresent"}], %s}},
                          "volumeClaimTemplates": [{"metadata": {"name": "data", "creationTimestamp": null},
                                                    "spec": {"accessModes": ["ReadWriteOnce"],
                                                             "resources": {"requests": {"storage": "1Gi"}},
                                                             "volumeMode": "Filesystem"},
                                                    "status": {"phase": "Pending"}}],
                          "serviceName": "db", "podManagementPolicy": "OrderedReady",
                          "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}},
                          "revisionHistoryLimit": 10,
                          "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"}},
                 "status": {"replicas": 0, "availableReplicas": 0}}""".formatted(CONTAINER_DEFAULTS, POD_SPEC_DEFAULTS), owned(statefulSet)), statefulSet);
    }

    @Test
    void aMinimalDaemonSetCarriesItsTemplateGeneration() {
        Map<?, ?> daemonSet = create("/apis/apps/v1/namespaces/ns/daemonsets", """
                {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
                 "spec": {"selector": {"matchLabels": {"app": "agent"}},
                          "template": {"metadata": {"labels": {"app": "agent"}},
                                       "spec": {"containers": [{"name": "c", "image": "fluentd:v1.17"}]}}}}""");
        assertEquals(expected("""
                {"apiVersion": "apps/v1", "kind": "DaemonSet",
                 "metadata": {"name": "agent", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>",
                              "generation": 1, "creationTimestamp": "<time>",
                              "annotations": {"deprecated.daemonset.template.generation": "1"}},
                 "spec": {"selector": {"matchLabels": {"app": "agent"}},
                          "template": {"metadata": {"creationTimestamp": null, "labels": {"app": "agent"}},
                                       "spec": {"containers": [{"name": "c", "image": "fluentd:v1.17", %s,
                                                                "imagePullPolicy": "IfNotPresent"}], %s}},
                          "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}},
                          "revisionHistoryLimit": 10},
                 "status": {"currentNumberScheduled": 0, "numberMisscheduled": 0, "desiredNumberScheduled": 0,
                            "numberReady": 0}}""".formatted(CONTAINER_DEFAULTS, POD_SPEC_DEFAULTS), owned(daemonSet)), daemonSet);
    }

    @Test
    void aMinimalCronJobGetsNoJobDefaultsInItsTemplate() {
        Map<?, ?> cronJob = create("/apis/batch/v1/namespaces/ns/cronjobs", """
                {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "tick"},
                 "spec": {"schedule": "*/5 * * * *",
                          "jobTemplate": {"spec": {"template": {"spec": {"restartPolicy": "OnFailure",
                                            "containers": [{"name": "c", "image": "busybox:1.37"}]}}}}}}""");
        assertEquals(expected("""
                {"apiVersion": "batch/v1", "kind": "CronJob",
                 "metadata": {"name": "tick", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>",
                              "generation": 1, "creationTimestamp": "<time>"},
                 "spec": {"schedule": "*/5 * * * *", "concurrencyPolicy": "Allow", "suspend": false,
                          "jobTemplate": {"metadata": {"creationTimestamp": null},
                                          "spec": {"template": {"metadata": {"creationTimestamp": null},
                                                   "spec": {"containers": [{"name": "c", "image": "busybox:1.37", %s,
                                                                            "imagePullPolicy": "IfNotPresent"}],
                                                            "restartPolicy": "OnFailure", "terminationGracePeriodSeconds": 30,
                                                            "dnsPolicy": "ClusterFirst", "securityContext": {},
                                                            "schedulerName": "default-scheduler"}}}},
                          "successfulJobsHistoryLimit": 3, "failedJobsHistoryLimit": 1},
                 "status": {}}""".formatted(CONTAINER_DEFAULTS), owned(cronJob)), cronJob);
    }

    @Test
    void aMinimalSecretIsOpaque() {
        Map<?, ?> secret = create("/api/v1/namespaces/ns/secrets", """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "token"}, "data": {"key": "dmFsdWU="}}""");
        assertEquals(expected("""
                {"apiVersion": "v1", "kind": "Secret",
                 "metadata": {"name": "token", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>",
                              "creationTimestamp": "<time>"},
                 "data": {"key": "dmFsdWU="}, "type": "Opaque"}""", owned(secret)), secret);
    }

    @Test
    void aMinimalClaimIsAPendingFilesystemClaim() {
        Map<?, ?> claim = create("/api/v1/namespaces/ns/persistentvolumeclaims", """
                {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data"},
                 "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "5Gi"}}}}""");
        assertEquals(expected("""
                {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                 "metadata": {"name": "data", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>",
                              "creationTimestamp": "<time>"},
                 "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "5Gi"}},
                          "volumeMode": "Filesystem"},
                 "status": {"phase": "Pending"}}""", owned(claim)), claim);
    }

    @Test
    void aConfigMapGetsNoDefaults() {
        Map<?, ?> configMap = create("/api/v1/namespaces/ns/configmaps", """
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "empty"}}""");
        assertEquals(expected("""
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "empty", "namespace": "ns", "uid": "<uid>", "resourceVersion": "<rv>",
                              "creationTimestamp": "<time>"}}""", owned(configMap)), configMap);
    }
}
