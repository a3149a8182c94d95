package kmock.internal.k8s.controllers.workloads;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The CronJob controller, on the emulator's clock: at each scheduled time (in {@code spec.timeZone}, UTC by default)
 * a Job {@code <name>-<minutes since the epoch>} from the template, unless suspended, too late for
 * {@code startingDeadlineSeconds}, or forbidden by {@code concurrencyPolicy} ({@code Forbid} skips, {@code Replace}
 * deletes the running Job first); {@code status.active}, {@code lastScheduleTime} and {@code lastSuccessfulTime}, and
 * finished Jobs beyond the history limits deleted. A test moves the clock with {@code advance(…)}.
 */
public final class CronJobController extends Controller {

    private static final String SCHEDULED = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    /** The CronJob controller of a cluster. */
    public CronJobController(ClusterClient cluster) {
        super("cronjob", Kinds.CRON_JOBS, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        if (event.key().resource().equals(Kinds.CRON_JOBS)) {
            if (event.type() != StoreEvent.Type.DELETED) {
                keys.add(event.key());
            }
        } else if (event.key().resource().equals(Kinds.JOBS)) {
            Workloads.addControllers(event, "batch/v1", keys, "CronJob");
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> cronJob = cluster.get(key);
        if (cronJob == null) {
            return;
        }
        List<Map<String, Object>> jobs =
                cluster.list(Kinds.JOBS, key.namespace(), job -> Owners.controlledBy(job, cronJob));
        Map<String, Object> status = Tree.copy(Tree.map(cronJob.get("status")));
        syncActive(status, jobs);
        if (!Tree.deleting(cronJob)) {
            schedule(key, cronJob, status, jobs);
            cleanup(key, cronJob, jobs);
        }
        cluster.updateStatus(key, edited -> edited.put("status", Tree.copy(status)), Manager.CONTROLLER_MANAGER);
    }

    /** {@code status.active} lists the running Jobs; {@code lastSuccessfulTime} follows the latest completion. */
    private void syncActive(Map<String, Object> status, List<Map<String, Object>> jobs) {
        List<Object> active = new ArrayList<>();
        for (Map<String, Object> job : jobs) {
            Map<String, Object> jobStatus = Tree.map(job.get("status"));
            boolean finished = Conditions.isTrue(jobStatus, "Complete") || Conditions.isTrue(jobStatus, "Failed");
            if (!finished && !Tree.deleting(job)) {
                active.add(Tree.object(
                        "kind",
                        "Job",
                        "namespace",
                        Tree.namespace(job),
                        "name",
                        Tree.name(job),
                        "uid",
                        Tree.uid(job),
                        "apiVersion",
                        "batch/v1",
                        "resourceVersion",
                        Tree.string(Tree.meta(job), "resourceVersion")));
            }
            String completed = Tree.string(jobStatus, "completionTime");
            if (completed != null && Conditions.isTrue(jobStatus, "Complete")) {
                String last = Tree.string(status, "lastSuccessfulTime");
                if (last == null || Tree.time(completed).isAfter(Tree.time(last))) {
                    status.put("lastSuccessfulTime", completed);
                }
            }
        }
        if (active.isEmpty()) {
            status.remove("active");
        } else {
            status.put("active", active);
        }
    }

    private void schedule(
            ObjectKey key, Map<String, Object> cronJob, Map<String, Object> status, List<Map<String, Object>> jobs) {
        if (Tree.isTrue(cronJob, "spec", "suspend")) {
            return;
        }
        CronSchedule schedule;
        ZoneId zone;
        try {
            schedule = CronSchedule.parse(Tree.string(cronJob, "spec", "schedule"));
            String timeZone = Tree.string(cronJob, "spec", "timeZone");
            zone = timeZone == null || timeZone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (IllegalArgumentException | DateTimeException e) {
            return;
        }
        Instant now = cluster.now();
        Instant created = Tree.time(Tree.meta(cronJob).get("creationTimestamp"));
        Instant last = Tree.time(status.get("lastScheduleTime"));
        Instant earliest = last != null ? last : created != null ? created : now;
        Object deadline = Tree.at(cronJob, "spec", "startingDeadlineSeconds");
        if (deadline instanceof Number seconds && earliest.isBefore(now.minusSeconds(seconds.longValue()))) {
            earliest = now.minusSeconds(seconds.longValue());
        }
        ZonedDateTime due = latestDue(schedule, zone, earliest, now);
        ZonedDateTime next = schedule.next(now.atZone(zone), zone);
        if (next != null) {
            cluster.later(this, key, next.toInstant());
        }
        if (due == null) {
            return;
        }
        boolean tooLate = deadline instanceof Number seconds
                && due.toInstant().plusSeconds(seconds.longValue()).isBefore(now);
        String policy = Tree.stringOr(cronJob, "Allow", "spec", "concurrencyPolicy");
        if (tooLate || policy.equals("Forbid") && status.get("active") != null) {
            return;
        }
        if (policy.equals("Replace")) {
            for (Object ref : Tree.list(status.get("active"))) {
                Map<String, Object> running = Tree.map(ref);
                cluster.delete(
                        new ObjectKey(Kinds.JOBS, key.namespace(), String.valueOf(running.get("name"))),
                        (String) running.get("uid"),
                        "Background",
                        null,
                        Manager.CONTROLLER_MANAGER);
            }
            status.remove("active");
        }
        String name = Tree.name(cronJob) + "-" + due.toEpochSecond() / 60;
        Map<String, Object> job = job(cronJob, name, due);
        Map<String, Object> made = cluster.create(Kinds.JOBS, key.namespace(), job, Manager.CONTROLLER_MANAGER);
        if (made != null) {
            Tree.childList(status, "active")
                    .add(Tree.object(
                            "kind",
                            "Job",
                            "namespace",
                            key.namespace(),
                            "name",
                            name,
                            "uid",
                            Tree.uid(made),
                            "apiVersion",
                            "batch/v1",
                            "resourceVersion",
                            Tree.string(Tree.meta(made), "resourceVersion")));
        }
        status.put("lastScheduleTime", Tree.timestamp(due.toInstant()));
    }

    /**
     * The latest scheduled time after {@code earliest} and at most {@code now}, or {@code null}. After more than a
     * hundred missed times (the controller's own limit for catching up) only the last day is searched, since only the
     * latest time is run.
     */
    private static ZonedDateTime latestDue(CronSchedule schedule, ZoneId zone, Instant earliest, Instant now) {
        ZonedDateTime due = null;
        int missed = 0;
        for (ZonedDateTime t = schedule.next(earliest.atZone(zone), zone);
                t != null && !t.toInstant().isAfter(now);
                t = schedule.next(t, zone)) {
            due = t;
            if (++missed > 100) {
                Instant dayAgo = now.minus(java.time.Duration.ofDays(1));
                ZonedDateTime recent = dayAgo.isAfter(t.toInstant()) ? latestDue(schedule, zone, dayAgo, now) : null;
                return recent != null ? recent : latestFrom(schedule, zone, t, now);
            }
        }
        return due;
    }

    /** The latest scheduled time from a known one up to {@code now}, stepping one schedule at a time. */
    private static ZonedDateTime latestFrom(CronSchedule schedule, ZoneId zone, ZonedDateTime from, Instant now) {
        ZonedDateTime due = from;
        for (ZonedDateTime t = schedule.next(from, zone);
                t != null && !t.toInstant().isAfter(now);
                t = schedule.next(t, zone)) {
            due = t;
        }
        return due;
    }

    /** A Job from the CronJob's template, owned by it, stamped with its scheduled time. */
    private static Map<String, Object> job(Map<String, Object> cronJob, String name, ZonedDateTime scheduled) {
        Map<String, Object> template = Tree.copy(Tree.map(Tree.at(cronJob, "spec", "jobTemplate")));
        Map<String, Object> meta = Tree.object("name", name);
        Map<String, Object> templateMeta = Tree.map(template.get("metadata"));
        if (templateMeta.get("labels") != null) {
            meta.put("labels", templateMeta.get("labels"));
        }
        Map<String, Object> annotations = Tree.copy(Tree.map(templateMeta.get("annotations")));
        annotations.put(SCHEDULED, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(scheduled));
        meta.put("annotations", annotations);
        meta.put("ownerReferences", new ArrayList<>(List.of(Owners.controllerRef(cronJob, "batch/v1", "CronJob"))));
        return Tree.object(
                "apiVersion",
                "batch/v1",
                "kind",
                "Job",
                "metadata",
                meta,
                "spec",
                template.getOrDefault("spec", Tree.object()));
    }

    /** Deletes the oldest finished Jobs beyond {@code successfulJobsHistoryLimit} (3) and {@code failedJobsHistoryLimit} (1). */
    private void cleanup(ObjectKey key, Map<String, Object> cronJob, List<Map<String, Object>> jobs) {
        for (String outcome : List.of("Complete", "Failed")) {
            long limit = Tree.number(
                    cronJob,
                    outcome.equals("Complete") ? 3 : 1,
                    "spec",
                    outcome.equals("Complete") ? "successfulJobsHistoryLimit" : "failedJobsHistoryLimit");
            List<Map<String, Object>> finished = new ArrayList<>(jobs.stream()
                    .filter(job -> !Tree.deleting(job) && Conditions.isTrue(Tree.map(job.get("status")), outcome))
                    .toList());
            finished.sort(Comparator.comparing(
                            (Map<String, Object> job) -> Tree.stringOr(Tree.map(job.get("status")), "", "startTime"))
                    .thenComparing(Tree::name));
            for (int i = 0; i < finished.size() - limit; i++) {
                Map<String, Object> job = finished.get(i);
                cluster.delete(
                        new ObjectKey(Kinds.JOBS, key.namespace(), Tree.name(job)),
                        Tree.uid(job),
                        "Background",
                        null,
                        Manager.CONTROLLER_MANAGER);
            }
        }
    }
}
