package kmock.internal.k8s.strategy;

import java.util.Map;

import kmock.internal.k8s.defaults.Fields;

/**
 * The steps of the Job and DaemonSet strategies (pkg/registry/batch/job and apps/daemonset, Kubernetes 1.32).
 */
final class WorkloadHooks {

    private static final String TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";

    /**
     * Unless {@code manualSelector} is set, a created Job selects its pods by its uid: the template gets the
     * {@code controller-uid} and {@code job-name} labels (plain and {@code batch.kubernetes.io/}-prefixed) unless
     * it has them, and the selector matches {@code batch.kubernetes.io/controller-uid}.
     */
    static final KindHook JOB = new KindHook() {
        @Override
        public void prepareForCreate(Cluster cluster, Map<String, Object> job, Object givenStatus) {
            Map<String, Object> spec = Fields.objectOrNew(job, "spec");
            if (Boolean.TRUE.equals(spec.get("manualSelector"))) {
                return;
            }
            Map<String, Object> metadata = Fields.object(job, "metadata");
            String name = Fields.string(metadata, "name");
            String uid = Fields.string(metadata, "uid");
            Map<String, Object> labels =
                    Fields.objectOrNew(Fields.objectOrNew(Fields.objectOrNew(spec, "template"), "metadata"), "labels");
            labels.putIfAbsent("job-name", name);
            labels.putIfAbsent("batch.kubernetes.io/job-name", name);
            labels.putIfAbsent("controller-uid", uid);
            labels.putIfAbsent("batch.kubernetes.io/controller-uid", uid);
            Fields.sortKeys(labels);
            Map<String, Object> matchLabels = Fields.objectOrNew(Fields.objectOrNew(spec, "selector"), "matchLabels");
            if (!matchLabels.containsKey("batch.kubernetes.io/controller-uid")) {
                Fields.putSorted(matchLabels, "batch.kubernetes.io/controller-uid", uid);
            }
        }
    };

    /**
     * A DaemonSet's template generation lives in the annotation {@code deprecated.daemonset.template.generation}
     * of apps/v1: 1 on create (or the value a create gives, if higher), the stored one on update, one more when
     * the pod template changes.
     */
    static final KindHook DAEMON_SET = new KindHook() {
        @Override
        public void prepareForCreate(Cluster cluster, Map<String, Object> daemonSet, Object givenStatus) {
            long given = templateGeneration(daemonSet);
            annotate(daemonSet, Math.max(given, 1));
        }

        @Override
        public void prepareForUpdate(Cluster cluster, Map<String, Object> current, Map<String, Object> daemonSet) {
            long stored = templateGeneration(current);
            boolean changed = !kmock.internal.k8s.store.JsonTree.same(
                    Fields.object(Fields.object(current, "spec"), "template"),
                    Fields.object(Fields.object(daemonSet, "spec"), "template"));
            annotate(daemonSet, changed ? stored + 1 : stored);
        }
    };

    private WorkloadHooks() {}

    private static long templateGeneration(Map<String, Object> daemonSet) {
        String value =
                Fields.string(Fields.object(Fields.object(daemonSet, "metadata"), "annotations"), TEMPLATE_GENERATION);
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void annotate(Map<String, Object> daemonSet, long generation) {
        Fields.putSorted(
                Fields.objectOrNew(Fields.objectOrNew(daemonSet, "metadata"), "annotations"),
                TEMPLATE_GENERATION,
                Long.toString(generation));
    }
}
