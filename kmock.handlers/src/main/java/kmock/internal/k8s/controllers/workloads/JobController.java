package kmock.internal.k8s.controllers.workloads;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.LabelSelectors;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The Job controller of Kubernetes 1.32: runs up to {@code parallelism} pods until {@code completions} succeeded
 * ({@code NonIndexed} or {@code Indexed}), replaces failed pods after a back-off, fails the Job past
 * {@code backoffLimit} or {@code activeDeadlineSeconds}, counts finished pods through the
 * {@code batch.kubernetes.io/job-tracking} finalizer and {@code uncountedTerminatedPods}, and finishes with the
 * interim {@code SuccessCriteriaMet} or {@code FailureTarget} condition, then {@code Complete} or {@code Failed} once
 * no pod is terminating. Suspended Jobs stop their pods; {@code ttlSecondsAfterFinished} deletes finished Jobs.
 */
public final class JobController extends Controller {

    private static final String SUCCESS_MESSAGE = "Reached expected number of succeeded pods";
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    /** The Job controller of a cluster. */
    public JobController(ClusterClient cluster) {
        super("job", Kinds.JOBS, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        if (event.key().resource().equals(Kinds.JOBS)) {
            if (event.type() != StoreEvent.Type.DELETED) {
                keys.add(event.key());
            }
        } else if (event.key().resource().equals(Kinds.PODS)) {
            Workloads.addControllers(event, "batch/v1", keys, "Job");
            if (event.type() != StoreEvent.Type.DELETED && JobPods.tracked(event.object())) {
                keys.add(event.key());
            }
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        if (key.resource().equals(Kinds.PODS)) {
            releaseOrphan(key);
            return;
        }
        Map<String, Object> job = cluster.get(key);
        if (job == null) {
            return;
        }
        if (finished(job)) {
            expire(key, job);
            return;
        }
        new JobSync(key, job).run();
    }

    /** One reconcile of one unfinished Job. */
    private final class JobSync {
        private final ObjectKey key;
        private final Map<String, Object> job;
        private final Map<String, Object> status;
        private final Instant now = cluster.now();
        private final String timestamp = cluster.timestamp();
        private List<Map<String, Object>> pods;

        JobSync(ObjectKey key, Map<String, Object> job) {
            this.key = key;
            this.job = job;
            this.status = Tree.copy(Tree.map(job.get("status")));
        }

        void run() {
            Object selector = Tree.at(job, "spec", "selector");
            if (LabelSelectors.isEmpty(selector)) {
                selector = Tree.object("matchLabels", Tree.object("batch.kubernetes.io/controller-uid", Tree.uid(job)));
            }
            pods = Owners.claim(
                    cluster,
                    Kinds.PODS,
                    job,
                    cluster.list(Kinds.PODS, key.namespace(), Owners.claimable(job)),
                    LabelSelectors.of(selector),
                    Owners.controllerRef(job, "batch/v1", "Job"));
            boolean suspended = Tree.isTrue(job, "spec", "suspend");
            if (status.get("startTime") == null && !suspended) {
                status.put("startTime", timestamp);
            }
            List<Map<String, Object>> newSucceeded = tracked("Succeeded");
            List<Map<String, Object>> newFailed = tracked("Failed");
            long succeeded = Tree.number(status, 0, "succeeded") + newSucceeded.size();
            long failed = Tree.number(status, 0, "failed") + newFailed.size();
            TreeSet<Integer> indexes = null;
            if (indexed()) {
                indexes = JobPods.succeededIndexes(Tree.string(status, "completedIndexes"), pods, completions());
                succeeded = indexes.size();
            }
            Map<String, Object> finishing = finishing(failed);
            if (finishing == null && !suspended && !Tree.deleting(job)) {
                manage(succeeded, indexes);
            } else if (finishing != null || suspended) {
                deleteActive();
            }
            if (finishing == null && isComplete(succeeded)) {
                finishing =
                        Conditions.job("SuccessCriteriaMet", "True", "CompletionsReached", SUCCESS_MESSAGE, timestamp);
            }
            suspension(suspended);
            track(newSucceeded, newFailed, succeeded, failed, indexes, finishing);
        }

        /** The interim condition the Job finishes with, if it fails now or already met its success criteria. */
        private Map<String, Object> finishing(long failed) {
            if (Conditions.isTrue(status, "SuccessCriteriaMet")) {
                return Conditions.find(status, "SuccessCriteriaMet");
            }
            if (Conditions.isTrue(status, "FailureTarget")) {
                return Conditions.find(status, "FailureTarget");
            }
            long backoffLimit = Tree.number(job, 6, "spec", "backoffLimit");
            if (failed > backoffLimit || pastBackoffLimitOnFailure(backoffLimit)) {
                return Conditions.job(
                        "FailureTarget",
                        "True",
                        "BackoffLimitExceeded",
                        "Job has reached the specified backoff limit",
                        timestamp);
            }
            Object deadline = Tree.at(job, "spec", "activeDeadlineSeconds");
            Instant started = Tree.time(status.get("startTime"));
            if (deadline instanceof Number seconds && started != null) {
                Instant due = started.plusSeconds(seconds.longValue());
                if (!now.isBefore(due)) {
                    return Conditions.job(
                            "FailureTarget",
                            "True",
                            "DeadlineExceeded",
                            "Job was active longer than specified deadline",
                            timestamp);
                }
                cluster.later(JobController.this, key, due);
            }
            return null;
        }

        /** Restarts of {@code OnFailure} pods count against the back-off limit too. */
        private boolean pastBackoffLimitOnFailure(long backoffLimit) {
            if (!"OnFailure".equals(Tree.string(job, "spec", "template", "spec", "restartPolicy"))) {
                return false;
            }
            long restarts =
                    pods.stream().filter(Pods::active).mapToLong(Pods::restarts).sum();
            return backoffLimit == 0 ? restarts > 0 : restarts >= backoffLimit;
        }

        /** Creates or deletes pods toward the active pods the Job wants now (client-go's {@code manageJob}). */
        private void manage(long succeeded, TreeSet<Integer> indexes) {
            List<Map<String, Object>> active =
                    pods.stream().filter(Pods::active).toList();
            long parallelism = Tree.number(job, 1, "spec", "parallelism");
            Object completions = Tree.at(job, "spec", "completions");
            long want;
            if (!(completions instanceof Number count)) {
                want = succeeded > 0 ? active.size() : parallelism;
            } else {
                want = Math.max(0, Math.min(count.longValue() - succeeded, parallelism));
            }
            if (active.size() > want) {
                List<Map<String, Object>> ranked = new ArrayList<>(active);
                ranked.sort(PodRanking.DELETE_FIRST);
                ranked.subList(0, (int) (active.size() - want)).forEach(this::deletePod);
                return;
            }
            long missing = want - active.size();
            if (missing <= 0) {
                return;
            }
            Instant retryAt = backoffUntil();
            if (retryAt != null && now.isBefore(retryAt)) {
                cluster.later(JobController.this, key, retryAt);
                return;
            }
            Map<String, Object> ref = Owners.controllerRef(job, "batch/v1", "Job");
            List<Integer> todo = new ArrayList<>();
            if (indexes != null) {
                TreeSet<Integer> busy = new TreeSet<>(indexes);
                active.forEach(pod -> busy.add(JobPods.index(pod)));
                for (int i = 0; i < completions() && todo.size() < missing; i++) {
                    if (!busy.contains(i)) {
                        todo.add(i);
                    }
                }
            } else {
                for (long i = 0; i < missing; i++) {
                    todo.add(null);
                }
            }
            for (Integer index : todo) {
                try {
                    cluster.create(
                            Kinds.PODS,
                            key.namespace(),
                            JobPods.pod(job, Tree.copy(ref), index),
                            Manager.CONTROLLER_MANAGER);
                } catch (KubernetesException e) {
                    return;
                }
            }
        }

        /** When failed pods may be replaced: the back-off doubles with each failure since the last success. */
        private Instant backoffUntil() {
            Instant lastSuccess = null;
            for (Map<String, Object> pod : pods) {
                Instant finished = finishedAt(pod);
                if ("Succeeded".equals(Pods.phase(pod))
                        && finished != null
                        && (lastSuccess == null || finished.isAfter(lastSuccess))) {
                    lastSuccess = finished;
                }
            }
            int failures = 0;
            Instant lastFailure = null;
            for (Map<String, Object> pod : pods) {
                Instant finished = finishedAt(pod);
                if ("Failed".equals(Pods.phase(pod))
                        && finished != null
                        && (lastSuccess == null || finished.isAfter(lastSuccess))) {
                    failures++;
                    lastFailure = lastFailure == null || finished.isAfter(lastFailure) ? finished : lastFailure;
                }
            }
            if (failures == 0) {
                return null;
            }
            Duration wait = cluster.settings().backoff();
            for (int i = 1; i < failures && wait.compareTo(MAX_BACKOFF) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return lastFailure.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
        }

        private void deleteActive() {
            pods.stream().filter(Pods::active).forEach(this::deletePod);
        }

        private void deletePod(Map<String, Object> pod) {
            cluster.delete(
                    new ObjectKey(Kinds.PODS, key.namespace(), Tree.name(pod)),
                    Tree.uid(pod),
                    null,
                    null,
                    Manager.CONTROLLER_MANAGER);
        }

        private boolean isComplete(long succeeded) {
            long active = cluster.list(
                            Kinds.PODS, key.namespace(), pod -> Pods.active(pod) && Owners.controlledBy(pod, job))
                    .size();
            Object completions = Tree.at(job, "spec", "completions");
            return completions instanceof Number count
                    ? succeeded >= count.longValue() && active == 0
                    : succeeded > 0 && active == 0;
        }

        private void suspension(boolean suspended) {
            Map<String, Object> current = Conditions.find(status, "Suspended");
            if (suspended && (current == null || !"True".equals(current.get("status")))) {
                Conditions.setWorkload(
                        status, Conditions.job("Suspended", "True", "JobSuspended", "Job suspended", timestamp), true);
            } else if (!suspended && current != null && "True".equals(current.get("status"))) {
                Conditions.setWorkload(
                        status, Conditions.job("Suspended", "False", "JobResumed", "Job resumed", timestamp), true);
                status.put("startTime", timestamp);
            }
        }

        /**
         * Counts finished pods as kube-controller-manager does: their uids go to {@code uncountedTerminatedPods} with the
         * interim condition, their finalizers are removed, then the counters move and, once no pod is left running or
         * terminating, the final condition is set.
         */
        private void track(
                List<Map<String, Object>> newSucceeded,
                List<Map<String, Object>> newFailed,
                long succeeded,
                long failed,
                TreeSet<Integer> indexes,
                Map<String, Object> finishing) {
            List<Map<String, Object>> release = new ArrayList<>(newSucceeded);
            release.addAll(newFailed);
            if (finishing != null) {
                pods.stream()
                        .filter(pod -> JobPods.tracked(pod) && !release.contains(pod))
                        .forEach(release::add);
            }
            boolean interim =
                    finishing != null && Conditions.find(status, String.valueOf(finishing.get("type"))) == null;
            if (interim) {
                Conditions.setWorkload(status, finishing, true);
            }
            refreshCounts();
            if (!newSucceeded.isEmpty() || !newFailed.isEmpty() || interim) {
                Map<String, Object> uncounted = Tree.child(status, "uncountedTerminatedPods");
                if (!newSucceeded.isEmpty()) {
                    uncounted.put(
                            "succeeded",
                            new ArrayList<>(newSucceeded.stream().map(Tree::uid).toList()));
                }
                if (!newFailed.isEmpty()) {
                    uncounted.put(
                            "failed",
                            new ArrayList<>(newFailed.stream().map(Tree::uid).toList()));
                }
                writeStatus();
            }
            for (Map<String, Object> pod : release) {
                cluster.update(
                        new ObjectKey(Kinds.PODS, key.namespace(), Tree.name(pod)),
                        edited -> removeTracking(edited),
                        Manager.CONTROLLER_MANAGER);
            }
            status.put("uncountedTerminatedPods", Tree.object());
            status.put("succeeded", succeeded);
            status.put("failed", failed);
            if (indexes != null) {
                status.put("completedIndexes", JobPods.format(indexes));
            }
            refreshCounts();
            if (finishing != null
                    && Tree.number(status, 0, "terminating") == 0
                    && Tree.number(status, 0, "active") == 0) {
                boolean success = "SuccessCriteriaMet".equals(finishing.get("type"));
                Conditions.setWorkload(
                        status,
                        Conditions.job(
                                success ? "Complete" : "Failed",
                                "True",
                                String.valueOf(finishing.get("reason")),
                                String.valueOf(finishing.get("message")),
                                timestamp),
                        true);
                if (success) {
                    status.put("completionTime", timestamp);
                }
            }
            writeStatus();
        }

        /** The active, ready and terminating pods as they are now. */
        private void refreshCounts() {
            List<Map<String, Object>> current =
                    cluster.list(Kinds.PODS, key.namespace(), pod -> Owners.controlledBy(pod, job));
            status.put("active", current.stream().filter(Pods::active).count());
            status.put(
                    "ready",
                    current.stream()
                            .filter(pod -> Pods.active(pod) && Pods.ready(pod))
                            .count());
            status.put(
                    "terminating",
                    current.stream()
                            .filter(pod -> Tree.deleting(pod) && !Pods.terminal(pod))
                            .count());
        }

        private void writeStatus() {
            Map<String, Object> written = Tree.copy(status);
            cluster.updateStatus(key, edited -> edited.put("status", Tree.copy(written)), Manager.CONTROLLER_MANAGER);
        }

        /** Finished pods the Job has not counted yet: they still carry its finalizer. */
        private List<Map<String, Object>> tracked(String phase) {
            return pods.stream()
                    .filter(pod -> JobPods.tracked(pod) && phase.equals(Pods.phase(pod)))
                    .toList();
        }

        private boolean indexed() {
            return "Indexed".equals(Tree.string(job, "spec", "completionMode"));
        }

        private long completions() {
            return Tree.number(job, 1, "spec", "completions");
        }
    }

    /** A finished Job with {@code ttlSecondsAfterFinished} is deleted once that time has passed (the TTL controller). */
    private void expire(ObjectKey key, Map<String, Object> job) {
        if (!(Tree.at(job, "spec", "ttlSecondsAfterFinished") instanceof Number ttl) || Tree.deleting(job)) {
            return;
        }
        Map<String, Object> status = Tree.map(job.get("status"));
        Map<String, Object> condition = Conditions.isTrue(status, "Complete")
                ? Conditions.find(status, "Complete")
                : Conditions.find(status, "Failed");
        Instant finished = condition == null ? null : Tree.time(condition.get("lastTransitionTime"));
        if (finished == null) {
            return;
        }
        Instant due = finished.plusSeconds(ttl.longValue());
        if (cluster.now().isBefore(due)) {
            cluster.later(this, key, due);
        } else {
            cluster.delete(key, Tree.uid(job), "Background", null, Manager.CONTROLLER_MANAGER);
        }
    }

    /** A tracked pod whose Job is gone or finished loses the Job's finalizer. */
    private void releaseOrphan(ObjectKey key) {
        Map<String, Object> pod = cluster.get(key);
        if (pod == null || !JobPods.tracked(pod)) {
            return;
        }
        Map<String, Object> ref = Owners.controllerOf(pod);
        Map<String, Object> job = null;
        if (ref != null && "Job".equals(ref.get("kind")) && "batch/v1".equals(ref.get("apiVersion"))) {
            job = cluster.get(Kinds.JOBS, key.namespace(), String.valueOf(ref.get("name")));
            if (job != null && !String.valueOf(ref.get("uid")).equals(Tree.uid(job))) {
                job = null;
            }
        } else if (ref != null) {
            return;
        }
        if (job == null || finished(job)) {
            cluster.update(key, JobController::removeTracking, Manager.CONTROLLER_MANAGER);
        }
    }

    private static void removeTracking(Map<String, Object> pod) {
        Map<String, Object> meta = Tree.child(pod, "metadata");
        List<Object> finalizers = Tree.childList(meta, "finalizers");
        finalizers.remove(JobPods.TRACKING);
        if (finalizers.isEmpty()) {
            meta.remove("finalizers");
        }
    }

    private static boolean finished(Map<String, Object> job) {
        Map<String, Object> status = Tree.map(job.get("status"));
        return Conditions.isTrue(status, "Complete") || Conditions.isTrue(status, "Failed");
    }

    private static Instant finishedAt(Map<String, Object> pod) {
        Instant latest = null;
        for (Object item : Tree.list(Tree.at(pod, "status", "containerStatuses"))) {
            Instant finished = Tree.time(Tree.at(Tree.map(item), "state", "terminated", "finishedAt"));
            latest = finished != null && (latest == null || finished.isAfter(latest)) ? finished : latest;
        }
        return latest;
    }
}
