package kmock.internal.k8s.defaults;

import java.util.List;
import java.util.Map;

/**
 * The defaults of the workload controllers and their autoscaler: apps/v1 (pkg/apis/apps/v1/defaults.go) and
 * autoscaling/v1 and v2 (pkg/apis/autoscaling/v*&#47;defaults.go), Kubernetes 1.32.
 */
final class AppsDefaults {

    private static final String APPS = "io.k8s.api.apps.v1.";
    private static final String AUTOSCALING = "io.k8s.api.autoscaling.";

    private AppsDefaults() {}

    static void register(Map<String, TypeDefaulter> types) {
        types.put(APPS + "Deployment", AppsDefaults::deployment);
        types.put(APPS + "DaemonSet", AppsDefaults::daemonSet);
        types.put(APPS + "StatefulSet", AppsDefaults::statefulSet);
        types.put(APPS + "ReplicaSet", set -> Fields.defaultPointer(Fields.objectOrNew(set, "spec"), "replicas", 1));
        types.put(
                AUTOSCALING + "v1.HorizontalPodAutoscaler",
                hpa -> Fields.defaultPointer(Fields.objectOrNew(hpa, "spec"), "minReplicas", 1));
        types.put(AUTOSCALING + "v2.HorizontalPodAutoscaler", AppsDefaults::autoscaler);
    }

    /** One replica, rolling updates of 25% up and 25% down, ten old ReplicaSets kept, 600 s to progress. */
    private static void deployment(Map<String, Object> deployment) {
        Map<String, Object> spec = Fields.objectOrNew(deployment, "spec");
        Fields.defaultPointer(spec, "replicas", 1);
        Map<String, Object> strategy = Fields.objectOrNew(spec, "strategy");
        Fields.defaultValue(strategy, "type", "RollingUpdate");
        if ("RollingUpdate".equals(strategy.get("type"))) {
            Map<String, Object> rollingUpdate = Fields.objectOrNew(strategy, "rollingUpdate");
            Fields.defaultPointer(rollingUpdate, "maxUnavailable", "25%");
            Fields.defaultPointer(rollingUpdate, "maxSurge", "25%");
        }
        Fields.defaultPointer(spec, "revisionHistoryLimit", 10);
        Fields.defaultPointer(spec, "progressDeadlineSeconds", 600);
    }

    private static void daemonSet(Map<String, Object> daemonSet) {
        Map<String, Object> spec = Fields.objectOrNew(daemonSet, "spec");
        Map<String, Object> strategy = Fields.objectOrNew(spec, "updateStrategy");
        Fields.defaultValue(strategy, "type", "RollingUpdate");
        if ("RollingUpdate".equals(strategy.get("type"))) {
            Map<String, Object> rollingUpdate = Fields.objectOrNew(strategy, "rollingUpdate");
            Fields.defaultPointer(rollingUpdate, "maxUnavailable", 1);
            Fields.defaultPointer(rollingUpdate, "maxSurge", 0);
        }
        Fields.defaultPointer(spec, "revisionHistoryLimit", 10);
    }

    private static void statefulSet(Map<String, Object> statefulSet) {
        Map<String, Object> spec = Fields.objectOrNew(statefulSet, "spec");
        Fields.defaultValue(spec, "podManagementPolicy", "OrderedReady");
        Map<String, Object> strategy = Fields.objectOrNew(spec, "updateStrategy");
        if (Fields.isZero(strategy.get("type"))) {
            strategy.put("type", "RollingUpdate");
            Fields.defaultPointer(strategy, "rollingUpdate", Fields.map());
        }
        Map<String, Object> rollingUpdate = Fields.object(strategy, "rollingUpdate");
        if ("RollingUpdate".equals(strategy.get("type")) && rollingUpdate != null) {
            Fields.defaultPointer(rollingUpdate, "partition", 0);
        }
        Map<String, Object> retention = Fields.objectOrNew(spec, "persistentVolumeClaimRetentionPolicy");
        Fields.defaultValue(retention, "whenDeleted", "Retain");
        Fields.defaultValue(retention, "whenScaled", "Retain");
        Fields.defaultPointer(spec, "replicas", 1);
        Fields.defaultPointer(spec, "revisionHistoryLimit", 10);
    }

    /**
     * At least one replica, 80% CPU utilisation when no metric is given, and the scaling rules filled in for each
     * direction once any behavior is given.
     */
    private static void autoscaler(Map<String, Object> autoscaler) {
        Map<String, Object> spec = Fields.objectOrNew(autoscaler, "spec");
        Fields.defaultPointer(spec, "minReplicas", 1);
        if (Fields.list(spec, "metrics").isEmpty()) {
            spec.put(
                    "metrics",
                    Fields.listOf(Fields.map(
                            "type",
                            "Resource",
                            "resource",
                            Fields.map(
                                    "name",
                                    "cpu",
                                    "target",
                                    Fields.map("type", "Utilization", "averageUtilization", 80)))));
        }
        Map<String, Object> behavior = Fields.object(spec, "behavior");
        if (behavior != null) {
            scalingRules(
                    behavior,
                    "scaleUp",
                    0,
                    Fields.listOf(
                            Fields.map("type", "Pods", "value", 4, "periodSeconds", 15),
                            Fields.map("type", "Percent", "value", 100, "periodSeconds", 15)));
            scalingRules(
                    behavior,
                    "scaleDown",
                    null,
                    Fields.listOf(Fields.map("type", "Percent", "value", 100, "periodSeconds", 15)));
        }
    }

    private static void scalingRules(
            Map<String, Object> behavior, String direction, Integer stabilization, List<Object> policies) {
        Map<String, Object> rules = Fields.objectOrNew(behavior, direction);
        if (stabilization != null) {
            Fields.defaultPointer(rules, "stabilizationWindowSeconds", stabilization);
        }
        Fields.defaultPointer(rules, "selectPolicy", "Max");
        Fields.defaultPointer(rules, "policies", policies);
    }
}
