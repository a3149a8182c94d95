package kmock.internal.k8s.defaults;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The batch/v1 defaults of Jobs and CronJobs (pkg/apis/batch/v1/defaults.go, Kubernetes 1.32, with the Job
 * features on by default: pod replacement policy, backoff limit per index). A CronJob's job template is a
 * {@code JobTemplateSpec}, not a Job: it gets no Job defaults.
 */
final class BatchDefaults {

    private static final String BATCH = "io.k8s.api.batch.v1.";

    private BatchDefaults() {}

    static void register(Map<String, TypeDefaulter> types) {
        types.put(BATCH + "Job", BatchDefaults::job);
        types.put(BATCH + "CronJob", BatchDefaults::cronJob);
    }

    private static void job(Map<String, Object> job) {
        Map<String, Object> spec = Fields.objectOrNew(job, "spec");
        if (spec.get("completions") == null && spec.get("parallelism") == null) {
            spec.put("completions", 1);
        }
        Fields.defaultPointer(spec, "parallelism", 1);
        Fields.defaultPointer(spec, "backoffLimit", spec.get("backoffLimitPerIndex") != null ? Integer.MAX_VALUE : 6);
        Map<String, Object> templateLabels =
                Fields.object(Fields.object(Fields.object(spec, "template"), "metadata"), "labels");
        Map<String, Object> metadata = Fields.objectOrNew(job, "metadata");
        if (templateLabels != null && Fields.isZero(metadata.get("labels"))) {
            metadata.put("labels", new LinkedHashMap<>(templateLabels));
        }
        Fields.defaultPointer(spec, "completionMode", "NonIndexed");
        Fields.defaultPointer(spec, "suspend", false);
        Map<String, Object> failurePolicy = Fields.object(spec, "podFailurePolicy");
        for (Map<String, Object> rule : Fields.objects(failurePolicy, "rules")) {
            for (Map<String, Object> pattern : Fields.objects(rule, "onPodConditions")) {
                Fields.defaultValue(pattern, "status", "True");
            }
        }
        Fields.defaultPointer(spec, "podReplacementPolicy", failurePolicy != null ? "Failed" : "TerminatingOrFailed");
        Fields.defaultPointer(spec, "manualSelector", false);
    }

    private static void cronJob(Map<String, Object> cronJob) {
        Map<String, Object> spec = Fields.objectOrNew(cronJob, "spec");
        Fields.defaultValue(spec, "concurrencyPolicy", "Allow");
        Fields.defaultPointer(spec, "suspend", false);
        Fields.defaultPointer(spec, "successfulJobsHistoryLimit", 3);
        Fields.defaultPointer(spec, "failedJobsHistoryLimit", 1);
    }
}
