package kmock.internal.k8s.controllers.nodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.Tree;

/**
 * A kubelet's pod statuses, written into a mutable copy of the pod: the pod's phase, addresses and start time, its
 * conditions in the kubelet's order, and one status per container (waiting, running, terminated, restarted).
 */
final class PodStatuses {

    private static final List<String> ORDER =
            List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled");

    private PodStatuses() {}

    /** Pending while the containers are being created (or wait with a reason, such as {@code ImagePullBackOff}). */
    static void waiting(Map<String, Object> pod, String hostIp, String reason, String message, String now) {
        Map<String, Object> status = Tree.child(pod, "status");
        status.put("phase", "Pending");
        addresses(status, hostIp, null);
        status.putIfAbsent("startTime", now);
        List<Object> containers = new ArrayList<>();
        for (Map<String, Object> container : containers(pod, "containers")) {
            Map<String, Object> waiting = Tree.object("reason", reason);
            if (message != null) {
                waiting.put("message", message);
            }
            containers.add(containerStatus(pod, container, Tree.object("waiting", waiting), false, 0, false, null));
        }
        status.put("containerStatuses", containers);
        initContainers(pod, status, now);
        boolean sandbox = !"ContainerCreating".equals(reason);
        Conditions.setPod(status, "PodReadyToStartContainers", sandbox ? "True" : "False", null, null, now);
        Conditions.setPod(status, "Initialized", "True", null, null, now);
        notReady(pod, status, now);
        order(status);
    }

    /** Running, for the first time: addresses, start time, containers started (ready or not). */
    static void running(Map<String, Object> pod, String hostIp, String podIp, boolean ready, String now) {
        Map<String, Object> status = Tree.child(pod, "status");
        status.put("phase", "Running");
        addresses(status, hostIp, podIp);
        status.putIfAbsent("startTime", now);
        List<Object> containers = new ArrayList<>();
        for (Map<String, Object> container : containers(pod, "containers")) {
            containers.add(containerStatus(
                    pod, container, Tree.object("running", Tree.object("startedAt", now)), ready, 0, true, null));
        }
        status.put("containerStatuses", containers);
        initContainers(pod, status, now);
        Conditions.setPod(status, "PodReadyToStartContainers", "True", null, null, now);
        Conditions.setPod(status, "Initialized", "True", null, null, now);
        if (ready) {
            ready(pod, now);
        } else {
            notReady(pod, status, now);
        }
        order(status);
    }

    /** Every running container becomes ready, and so the pod. */
    static void ready(Map<String, Object> pod, String now) {
        Map<String, Object> status = Tree.child(pod, "status");
        for (Object item : Tree.childList(status, "containerStatuses")) {
            Map<String, Object> container = Tree.map(item);
            if (Tree.map(container.get("state")).containsKey("running")) {
                container.put("ready", true);
            }
        }
        Conditions.setPod(status, "Ready", "True", null, null, now);
        Conditions.setPod(status, "ContainersReady", "True", null, null, now);
        order(status);
    }

    /**
     * The containers exit with a code: with {@code terminal} the pod ends ({@code Succeeded} on 0, else
     * {@code Failed}); otherwise they crash and wait for their restart ({@code CrashLoopBackOff}).
     */
    static void exited(Map<String, Object> pod, int code, boolean terminal, Duration backoff, String now) {
        Map<String, Object> status = Tree.child(pod, "status");
        String name = Tree.name(pod);
        for (Object item : Tree.childList(status, "containerStatuses")) {
            Map<String, Object> container = Tree.map(item);
            Map<String, Object> running =
                    Tree.map(Tree.map(container.get("state")).get("running"));
            Map<String, Object> terminated = Tree.object(
                    "exitCode",
                    code,
                    "reason",
                    code == 0 ? "Completed" : "Error",
                    "startedAt",
                    running.getOrDefault("startedAt", now),
                    "finishedAt",
                    now,
                    "containerID",
                    container.get("containerID"));
            container.put("ready", false);
            container.put("started", false);
            if (terminal) {
                container.put("state", Tree.object("terminated", terminated));
            } else {
                container.put("lastState", Tree.object("terminated", terminated));
                container.put("restartCount", Tree.number(container, 0, "restartCount") + 1);
                container.put(
                        "state",
                        Tree.object(
                                "waiting",
                                Tree.object(
                                        "reason",
                                        "CrashLoopBackOff",
                                        "message",
                                        "back-off " + seconds(backoff) + " restarting failed container="
                                                + container.get("name") + " pod=" + name + "_" + Tree.namespace(pod)
                                                + "(" + Tree.uid(pod) + ")")));
            }
        }
        if (terminal) {
            String phase = code == 0 ? "Succeeded" : "Failed";
            status.put("phase", phase);
            String reason = code == 0 ? "PodCompleted" : "PodFailed";
            Conditions.setPod(status, "PodReadyToStartContainers", "False", null, null, now);
            Conditions.setPod(status, "Initialized", "True", "PodCompleted", null, now);
            Conditions.setPod(status, "Ready", "False", reason, null, now);
            Conditions.setPod(status, "ContainersReady", "False", reason, null, now);
        } else {
            notReady(pod, status, now);
        }
        order(status);
    }

    /** Crashed containers start again (their restart count already counts it). */
    static void restarted(Map<String, Object> pod, boolean ready, String now) {
        Map<String, Object> status = Tree.child(pod, "status");
        for (Object item : Tree.childList(status, "containerStatuses")) {
            Map<String, Object> container = Tree.map(item);
            container.put("state", Tree.object("running", Tree.object("startedAt", now)));
            container.put("ready", ready);
            container.put("started", true);
            container.put(
                    "containerID",
                    Images.containerId(
                            Tree.uid(pod),
                            String.valueOf(container.get("name")),
                            Tree.number(container, 0, "restartCount")));
        }
        if (ready) {
            ready(pod, now);
        }
    }

    /** The containers were stopped for a graceful delete: terminated with 0, the pod finished. */
    static void stopped(Map<String, Object> pod, String now) {
        exited(pod, 0, true, Duration.ZERO, now);
    }

    /** When the containers started (the first running container's {@code startedAt}), or {@code null}. */
    static String startedAt(Map<String, Object> pod) {
        for (Object item : Tree.list(Tree.at(pod, "status", "containerStatuses"))) {
            String started = Tree.string(Tree.map(item), "state", "running", "startedAt");
            if (started != null) {
                return started;
            }
        }
        return null;
    }

    /** When the crashed containers finished, if they wait for a restart; else {@code null}. */
    static String crashedAt(Map<String, Object> pod) {
        for (Object item : Tree.list(Tree.at(pod, "status", "containerStatuses"))) {
            Map<String, Object> container = Tree.map(item);
            if ("CrashLoopBackOff".equals(Tree.string(container, "state", "waiting", "reason"))) {
                return Tree.string(container, "lastState", "terminated", "finishedAt");
            }
        }
        return null;
    }

    /** Whether the containers were ever started or created. */
    static boolean created(Map<String, Object> pod) {
        return !Tree.list(Tree.at(pod, "status", "containerStatuses")).isEmpty();
    }

    private static void notReady(Map<String, Object> pod, Map<String, Object> status, String now) {
        List<String> names = containers(pod, "containers").stream()
                .map(c -> String.valueOf(c.get("name")))
                .toList();
        String message = "containers with unready status: [" + String.join(" ", names) + "]";
        Conditions.setPod(status, "Ready", "False", "ContainersNotReady", message, now);
        Conditions.setPod(status, "ContainersReady", "False", "ContainersNotReady", message, now);
    }

    private static void initContainers(Map<String, Object> pod, Map<String, Object> status, String now) {
        List<Map<String, Object>> init = containers(pod, "initContainers");
        if (init.isEmpty()) {
            return;
        }
        List<Object> statuses = new ArrayList<>();
        for (Map<String, Object> container : init) {
            boolean sidecar = "Always".equals(container.get("restartPolicy"));
            Map<String, Object> state = sidecar
                    ? Tree.object("running", Tree.object("startedAt", now))
                    : Tree.object(
                            "terminated",
                            Tree.object(
                                    "exitCode",
                                    0,
                                    "reason",
                                    "Completed",
                                    "startedAt",
                                    now,
                                    "finishedAt",
                                    now,
                                    "containerID",
                                    Images.containerId(Tree.uid(pod), String.valueOf(container.get("name")), 0)));
            statuses.add(containerStatus(pod, container, state, true, 0, sidecar, null));
        }
        status.put("initContainerStatuses", statuses);
    }

    private static Map<String, Object> containerStatus(
            Map<String, Object> pod,
            Map<String, Object> container,
            Map<String, Object> state,
            boolean ready,
            long restarts,
            boolean started,
            Map<String, Object> lastState) {
        String name = String.valueOf(container.get("name"));
        String image = Tree.stringOr(container, "", "image");
        boolean waiting = state.containsKey("waiting");
        Map<String, Object> status = Tree.object(
                "name",
                name,
                "state",
                state,
                "lastState",
                lastState == null ? Tree.object() : lastState,
                "ready",
                ready,
                "restartCount",
                restarts,
                "image",
                waiting ? image : Images.normalized(image),
                "imageID",
                waiting ? "" : Images.id(image));
        if (!waiting) {
            status.put("containerID", Images.containerId(Tree.uid(pod), name, restarts));
        }
        status.put("started", started);
        return status;
    }

    private static void addresses(Map<String, Object> status, String hostIp, String podIp) {
        status.put("hostIP", hostIp);
        status.put("hostIPs", new ArrayList<>(List.of(Tree.object("ip", hostIp))));
        if (podIp != null) {
            status.put("podIP", podIp);
            status.put("podIPs", new ArrayList<>(List.of(Tree.object("ip", podIp))));
        }
    }

    private static List<Map<String, Object>> containers(Map<String, Object> pod, String field) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Object item : Tree.list(Tree.at(pod, "spec", field))) {
            containers.add(Tree.map(item));
        }
        return containers;
    }

    /** The kubelet's order of pod conditions; others (such as readiness gates) after them. */
    private static void order(Map<String, Object> status) {
        List<Object> conditions = Tree.childList(status, "conditions");
        conditions.sort(Comparator.comparingInt(item -> {
            int at = ORDER.indexOf(String.valueOf(Tree.map(item).get("type")));
            return at < 0 ? ORDER.size() : at;
        }));
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
