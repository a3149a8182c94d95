package kmock.internal.k8s.tables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods: READY, STATUS, RESTARTS and AGE (wide: IP, NODE, NOMINATED NODE, READINESS GATES), with STATUS worked out
 * from the phase, the init containers and the container states the way kubectl users know it ({@code Running},
 * {@code Init:0/1}, {@code CrashLoopBackOff}, {@code Completed}, {@code Terminating}).
 */
final class PodPrinter implements RowPrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.NAME,
            Column.text("Ready", "Ready containers out of all containers."),
            Column.text("Status", "The pod's state summarised from its phase and its containers."),
            Column.text("Restarts", "Container restarts, and how long ago the last one was."),
            Column.AGE,
            Column.text("IP", "The pod's first IP address.").wide(),
            Column.text("Node", "The node the pod is bound to.").wide(),
            Column.text("Nominated Node", "The node the scheduler nominated while preempting.")
                    .wide(),
            Column.text("Readiness Gates", "Readiness gates that are true, out of all gates.")
                    .wide());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Map<String, Object>> conditions(Map<String, Object> object) {
        String phase = new Fields(object).text("status", "phase");
        if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
            return null;
        }
        Map<String, Object> completed = new LinkedHashMap<>();
        completed.put("type", "Completed");
        completed.put("status", "True");
        completed.put("reason", phase);
        completed.put("message", phase.equals("Succeeded") ? "The pod ran to completion." : "The pod failed.");
        return List.of(completed);
    }

    @Override
    public List<Object> cells(Map<String, Object> object, Instant now) {
        Fields pod = new Fields(object);
        Fields status = pod.at("status");
        // The API server sets Pending when it creates a pod, so a stored pod without a phase prints as Pending.
        String phase = Formats.orElse(status.text("phase"), "Pending");
        String reason = status.text("reason").isEmpty() ? phase : status.text("reason");
        for (Fields condition : status.list("conditions")) {
            if (condition.text("type").equals("PodScheduled")
                    && condition.text("reason").equals("SchedulingGated")) {
                reason = "SchedulingGated";
            }
        }
        int total = pod.list("spec", "containers").size();
        Map<String, Fields> initContainers = new HashMap<>();
        for (Fields container : pod.list("spec", "initContainers")) {
            initContainers.put(container.text("name"), container);
            if (restartable(container)) {
                total++;
            }
        }
        Counts counts = new Counts();
        List<Fields> initStatuses = status.list("initContainerStatuses");
        boolean initializing = false;
        for (int i = 0; i < initStatuses.size(); i++) {
            Fields container = initStatuses.get(i);
            boolean sidecar = restartable(initContainers.get(container.text("name")));
            counts.restarts += container.number("restartCount");
            counts.lastRestart = later(counts.lastRestart, container.time("lastState", "terminated", "finishedAt"));
            if (sidecar) {
                counts.sidecarRestarts += container.number("restartCount");
                counts.lastSidecarRestart =
                        later(counts.lastSidecarRestart, container.time("lastState", "terminated", "finishedAt"));
            }
            Fields terminated = container.at("state", "terminated");
            Fields waiting = container.at("state", "waiting");
            if (terminated.present() && terminated.number("exitCode") == 0) {
                continue;
            }
            if (sidecar && container.bool("started")) {
                if (container.bool("ready")) {
                    counts.ready++;
                }
                continue;
            }
            if (terminated.present()) {
                reason = terminated.text("reason").isEmpty()
                        ? terminated.number("signal") != 0
                                ? "Init:Signal:" + terminated.number("signal")
                                : "Init:ExitCode:" + terminated.number("exitCode")
                        : "Init:" + terminated.text("reason");
            } else if (waiting.present()
                    && !waiting.text("reason").isEmpty()
                    && !waiting.text("reason").equals("PodInitializing")) {
                reason = "Init:" + waiting.text("reason");
            } else {
                reason = "Init:" + i + "/" + initContainers.size();
            }
            initializing = true;
            break;
        }
        if (!initializing || hasCondition(status, "Initialized")) {
            counts.restarts = counts.sidecarRestarts;
            counts.lastRestart = counts.lastSidecarRestart;
            boolean hasRunning = false;
            List<Fields> containers = status.list("containerStatuses");
            for (int i = containers.size() - 1; i >= 0; i--) {
                Fields container = containers.get(i);
                counts.restarts += container.number("restartCount");
                counts.lastRestart = later(counts.lastRestart, container.time("lastState", "terminated", "finishedAt"));
                Fields waiting = container.at("state", "waiting");
                Fields terminated = container.at("state", "terminated");
                if (waiting.present() && !waiting.text("reason").isEmpty()) {
                    reason = waiting.text("reason");
                } else if (terminated.present() && !terminated.text("reason").isEmpty()) {
                    reason = terminated.text("reason");
                } else if (terminated.present()) {
                    reason = terminated.number("signal") != 0
                            ? "Signal:" + terminated.number("signal")
                            : "ExitCode:" + terminated.number("exitCode");
                } else if (container.bool("ready") && container.present("state", "running")) {
                    hasRunning = true;
                    counts.ready++;
                }
            }
            if (reason.equals("Completed") && hasRunning) {
                reason = hasCondition(status, "Ready") ? "Running" : "NotReady";
            }
        }
        boolean deleting = pod.present("metadata", "deletionTimestamp");
        if (deleting && status.text("reason").equals("NodeLost")) {
            reason = "Unknown";
        } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
            reason = "Terminating";
        }
        String restarts = Long.toString(counts.restarts);
        if (counts.restarts != 0 && counts.lastRestart != null) {
            restarts = counts.restarts + " (" + Formats.since(counts.lastRestart, now) + " ago)";
        }
        List<Object> cells = new ArrayList<>(
                List.of(pod.name(), counts.ready + "/" + total, reason, restarts, Formats.since(pod.created(), now)));
        String ip = status.list("podIPs").isEmpty()
                ? status.text("podIP")
                : status.list("podIPs").get(0).text("ip");
        cells.add(Formats.orElse(ip, Formats.NONE));
        cells.add(Formats.orElse(pod.text("spec", "nodeName"), Formats.NONE));
        cells.add(Formats.orElse(status.text("nominatedNodeName"), Formats.NONE));
        cells.add(readinessGates(pod));
        return cells;
    }

    private static String readinessGates(Fields pod) {
        List<Fields> gates = pod.list("spec", "readinessGates");
        if (gates.isEmpty()) {
            return Formats.NONE;
        }
        int ready = 0;
        for (Fields gate : gates) {
            for (Fields condition : pod.list("status", "conditions")) {
                if (condition.text("type").equals(gate.text("conditionType"))) {
                    if (condition.text("status").equals("True")) {
                        ready++;
                    }
                    break;
                }
            }
        }
        return ready + "/" + gates.size();
    }

    /** An init container that keeps running beside the others (a sidecar): restartPolicy Always. */
    private static boolean restartable(Fields container) {
        return container != null && container.text("restartPolicy").equals("Always");
    }

    private static boolean hasCondition(Fields status, String type) {
        for (Fields condition : status.list("conditions")) {
            if (condition.text("type").equals(type) && condition.text("status").equals("True")) {
                return true;
            }
        }
        return false;
    }

    private static Instant later(Instant current, Instant candidate) {
        return candidate != null && (current == null || current.isBefore(candidate)) ? candidate : current;
    }

    /** Ready containers and restarts, counted across the container statuses. */
    private static final class Counts {
        int ready;
        long restarts;
        long sidecarRestarts;
        Instant lastRestart;
        Instant lastSidecarRestart;
    }
}
