package kmock.internal.k8s.tables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The printers of controllers that run pods: deployments, replica sets, stateful sets, daemon sets, replication
 * controllers, jobs and cron jobs. Replica counts a stored object leaves out are what the API server defaults them
 * to, so an object created without them prints as it would on a cluster.
 */
final class WorkloadPrinters {

    private static final Column CONTAINERS = Column.text("Containers", "The names of the pod template's containers.")
            .wide();
    private static final Column IMAGES = Column.text("Images", "The images of the pod template's containers.")
            .wide();
    private static final Column SELECTOR = Column.text("Selector", "The label selector of the pods it manages.")
            .wide();

    private WorkloadPrinters() {}

    /** Adds the printers, keyed by {@code group/plural}. */
    static void register(Map<String, RowPrinter> printers) {
        printers.put(
                "apps/deployments",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Ready", "Ready replicas out of the desired replicas."),
                                Column.text("Up-to-date", "Replicas that run the newest pod template."),
                                Column.text("Available", "Replicas available to serve."),
                                Column.AGE,
                                CONTAINERS,
                                IMAGES,
                                SELECTOR),
                        (object, now) -> {
                            String[] containers =
                                    Formats.containers(object.list("spec", "template", "spec", "containers"));
                            return List.of(
                                    object.name(),
                                    object.number("status", "readyReplicas") + "/" + replicas(object),
                                    object.number("status", "updatedReplicas"),
                                    object.number("status", "availableReplicas"),
                                    Formats.since(object.created(), now),
                                    containers[0],
                                    containers[1],
                                    Formats.selectorString(object.at("spec", "selector")));
                        }));
        printers.put("apps/replicasets", RowPrinter.of(replicaColumns(), (object, now) -> {
            String[] containers = Formats.containers(object.list("spec", "template", "spec", "containers"));
            return List.of(
                    object.name(),
                    replicas(object),
                    object.number("status", "replicas"),
                    object.number("status", "readyReplicas"),
                    Formats.since(object.created(), now),
                    containers[0],
                    containers[1],
                    Formats.labelSelector(object.at("spec", "selector")));
        }));
        printers.put("/replicationcontrollers", RowPrinter.of(replicaColumns(), (object, now) -> {
            String[] containers = Formats.containers(object.list("spec", "template", "spec", "containers"));
            return List.of(
                    object.name(),
                    replicas(object),
                    object.number("status", "replicas"),
                    object.number("status", "readyReplicas"),
                    Formats.since(object.created(), now),
                    containers[0],
                    containers[1],
                    Formats.labels(object.map("spec", "selector")));
        }));
        printers.put(
                "apps/statefulsets",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Ready", "Ready replicas out of the desired replicas."),
                                Column.AGE,
                                CONTAINERS,
                                IMAGES),
                        (object, now) -> {
                            String[] containers =
                                    Formats.containers(object.list("spec", "template", "spec", "containers"));
                            return List.of(
                                    object.name(),
                                    object.number("status", "readyReplicas") + "/" + replicas(object),
                                    Formats.since(object.created(), now),
                                    containers[0],
                                    containers[1]);
                        }));
        printers.put(
                "apps/daemonsets",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.integer("Desired", "Nodes that should run the daemon pod."),
                                Column.integer("Current", "Nodes that run at least one daemon pod."),
                                Column.integer("Ready", "Nodes whose daemon pod is ready."),
                                Column.integer("Up-to-date", "Nodes that run the newest daemon pod."),
                                Column.integer("Available", "Nodes whose daemon pod is available."),
                                Column.text("Node Selector", "The node selector of the pod template."),
                                Column.AGE,
                                CONTAINERS,
                                IMAGES,
                                SELECTOR),
                        (object, now) -> {
                            Fields status = object.at("status");
                            String[] containers =
                                    Formats.containers(object.list("spec", "template", "spec", "containers"));
                            return List.of(
                                    object.name(),
                                    status.number("desiredNumberScheduled"),
                                    status.number("currentNumberScheduled"),
                                    status.number("numberReady"),
                                    status.number("updatedNumberScheduled"),
                                    status.number("numberAvailable"),
                                    Formats.labels(object.map("spec", "template", "spec", "nodeSelector")),
                                    Formats.since(object.created(), now),
                                    containers[0],
                                    containers[1],
                                    Formats.labelSelector(object.at("spec", "selector")));
                        }));
        printers.put(
                "batch/jobs",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text(
                                        "Status",
                                        "The job's state: Running, Complete, Failed, Suspended, Terminating."),
                                Column.text("Completions", "Succeeded pods out of the completions needed."),
                                Column.text("Duration", "How long the job ran or has been running."),
                                Column.AGE,
                                CONTAINERS,
                                IMAGES,
                                SELECTOR),
                        WorkloadPrinters::job));
        printers.put(
                "batch/cronjobs",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Schedule", "The cron schedule."),
                                Column.text("Timezone", "The time zone of the schedule."),
                                Column.bool("Suspend", "Whether new runs are held back."),
                                Column.integer("Active", "Jobs running now."),
                                Column.text("Last Schedule", "How long ago a job was last scheduled."),
                                Column.AGE,
                                CONTAINERS,
                                IMAGES,
                                SELECTOR),
                        (object, now) -> {
                            Fields jobSpec = object.at("spec", "jobTemplate", "spec");
                            String[] containers = Formats.containers(jobSpec.list("template", "spec", "containers"));
                            Instant last = object.time("status", "lastScheduleTime");
                            return List.of(
                                    object.name(),
                                    object.text("spec", "schedule"),
                                    Formats.orElse(object.text("spec", "timeZone"), Formats.NONE),
                                    object.present("spec", "suspend")
                                            ? (object.bool("spec", "suspend") ? "True" : "False")
                                            : "<unset>",
                                    (long) object.size("status", "active"),
                                    last == null ? Formats.NONE : Formats.since(last, now),
                                    Formats.since(object.created(), now),
                                    containers[0],
                                    containers[1],
                                    Formats.labelSelector(jobSpec.at("selector")));
                        }));
    }

    private static List<Column> replicaColumns() {
        return List.of(
                Column.NAME,
                Column.integer("Desired", "Replicas wanted."),
                Column.integer("Current", "Replicas that exist."),
                Column.integer("Ready", "Replicas that are ready."),
                Column.AGE,
                CONTAINERS,
                IMAGES,
                SELECTOR);
    }

    /** {@code spec.replicas}, which the API server defaults to 1. */
    private static long replicas(Fields object) {
        Long replicas = object.optionalNumber("spec", "replicas");
        return replicas == null ? 1 : replicas;
    }

    private static List<Object> job(Fields object, Instant now) {
        Fields spec = object.at("spec");
        Fields status = object.at("status");
        long succeeded = status.number("succeeded");
        Long completions = spec.optionalNumber("completions");
        Long parallelism = spec.optionalNumber("parallelism");
        if (completions == null && parallelism == null) {
            completions = 1L; // the API server defaults both to 1 for a job that sets neither
        }
        String completed = completions != null
                ? succeeded + "/" + completions
                : parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
        Instant start = status.time("startTime");
        Instant end = status.time("completionTime");
        String duration = start == null ? "" : Formats.humanDuration(Duration.between(start, end == null ? now : end));
        String state;
        if (jobCondition(status, "Complete")) {
            state = "Complete";
        } else if (jobCondition(status, "Failed")) {
            state = "Failed";
        } else if (object.present("metadata", "deletionTimestamp")) {
            state = "Terminating";
        } else if (jobCondition(status, "Suspended")) {
            state = "Suspended";
        } else if (jobCondition(status, "FailureTarget")) {
            state = "FailureTarget";
        } else {
            state = "Running";
        }
        String[] containers = Formats.containers(spec.list("template", "spec", "containers"));
        List<Object> cells = new ArrayList<>(
                List.of(object.name(), state, completed, duration, Formats.since(object.created(), now)));
        cells.addAll(List.of(containers[0], containers[1], Formats.labelSelector(spec.at("selector"))));
        return cells;
    }

    /** Whether the first condition of a type is true, as the printer reads job conditions. */
    private static boolean jobCondition(Fields status, String type) {
        for (Fields condition : status.list("conditions")) {
            if (condition.text("type").equals(type)) {
                return condition.text("status").equals("True");
            }
        }
        return false;
    }
}
