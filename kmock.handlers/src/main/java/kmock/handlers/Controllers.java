package kmock.handlers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import kmock.internal.k8s.selectors.Selectors;

/**
 * Which simulated controllers and nodes make a {@link KubernetesEmulator} move like a cluster, and how fast: an
 * immutable set of options for {@link KubernetesEmulator.Builder#controllers(Controllers)}. Without them the emulator
 * stays a bare API server (a Deployment never gets a ReplicaSet, a Pod never runs).
 *
 * <pre>{@code
 * KubernetesEmulator.builder().controllers(Controllers.all().nodes(3)
 *         .delay(Controllers.Transition.READY, Duration.ofSeconds(2))
 *         .pods("app=flaky", Map.of(Controllers.EXIT_CODE, "1"))).build();
 * }</pre>
 *
 * <p>Controllers are named as kube-controller-manager's {@code --controllers} flag names them, plus the node's
 * {@code kubelet} and the {@code scheduler}: see {@link #NAMES}.
 *
 * @since 0.1
 */
public final class Controllers {

    /** Every controller, in the order they are described: nodes and pods first, then workloads, then lifecycle. */
    public static final List<String> NAMES = List.of(
            "kubelet",
            "scheduler",
            "deployment",
            "replicaset",
            "statefulset",
            "daemonset",
            "job",
            "cronjob",
            "namespace",
            "garbagecollector",
            "endpointslice",
            "endpoint",
            "serviceaccount",
            "root-ca-cert-publisher");

    /** A pod's annotation (or a {@link #pods rule}'s key): the exit code of its containers when they end, {@code "0"} by default. */
    public static final String EXIT_CODE = "kmock/exit-code";
    /**
     * A pod's annotation: how long its containers run before they exit ({@code "30s"}, {@code "1m30s"}, {@code "0s"});
     * pods with {@code restartPolicy} {@code Never} or {@code OnFailure} exit after {@link Transition#RUN}, pods with
     * {@code Always} run until deleted unless this or {@link #EXIT_CODE} is given (then they crash-loop).
     */
    public static final String EXIT_AFTER = "kmock/exit-after";
    /** A pod's annotation: {@code "false"} keeps its containers running but never ready (a rollout that does not progress). */
    public static final String READY = "kmock/ready";
    /** A pod's annotation: a reason its containers wait with forever, such as {@code ImagePullBackOff}; the pod stays Pending. */
    public static final String WAITING = "kmock/waiting";

    /** The steps a pod takes whose duration a test may set; every one takes no time by default. */
    public enum Transition {
        /** From created to bound to a node by the scheduler. */
        SCHEDULE,
        /** From bound to running (image pull and container start). */
        START,
        /** From running to ready (readiness probes). */
        READY,
        /** From running to exited, for pods that run to completion ({@code restartPolicy} {@code Never}/{@code OnFailure}). */
        RUN,
        /** From a graceful delete to gone (containers stopped, then the kubelet's final delete). */
        TERMINATE
    }

    /** One simulated node: its name and labels. */
    public record Node(String name, Map<String, String> labels) {
        /** Checks and copies the parts. */
        public Node {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A node needs a name");
            }
            labels = Map.copyOf(labels == null ? Map.of() : labels);
        }
    }

    /** A rule: pods it selects behave as if they carried its annotations (their own annotations win). */
    public record PodRule(Predicate<Map<String, Object>> selects, Map<String, String> behaviour) {
        /** Checks and copies the parts. */
        public PodRule {
            Objects.requireNonNull(selects, "selects");
            behaviour = Map.copyOf(behaviour);
        }
    }

    private final Set<String> enabled;
    private final List<Node> nodes;
    private final Map<Transition, Duration> delays;
    private final Duration backoff;
    private final List<PodRule> rules;
    private final boolean background;

    private Controllers(
            Set<String> enabled,
            List<Node> nodes,
            Map<Transition, Duration> delays,
            Duration backoff,
            List<PodRule> rules,
            boolean background) {
        this.enabled = Collections.unmodifiableSet(new LinkedHashSet<>(enabled));
        this.nodes = List.copyOf(nodes);
        Map<Transition, Duration> copy = new EnumMap<>(Transition.class);
        copy.putAll(delays);
        this.delays = Collections.unmodifiableMap(copy);
        this.backoff = backoff;
        this.rules = List.copyOf(rules);
        this.background = background;
    }

    /** Every controller, one node ({@code node-1}), no delays, a 10 s crash-loop back-off, running in the background. */
    public static Controllers all() {
        return new Controllers(
                new LinkedHashSet<>(NAMES),
                defaultNodes(1),
                new EnumMap<>(Transition.class),
                Duration.ofSeconds(10),
                List.of(),
                true);
    }

    /** No controller at all: the emulator stays a bare API server. */
    public static Controllers none() {
        return new Controllers(
                Set.of(), List.of(), new EnumMap<>(Transition.class), Duration.ofSeconds(10), List.of(), true);
    }

    /**
     * Some controllers, in kube-controller-manager's notation: names from {@link #NAMES}, {@code *} for all of them,
     * {@code -name} to leave one out ({@code "*", "-cronjob"}); no argument means all.
     *
     * @throws IllegalArgumentException for a name that is none of {@link #NAMES}
     */
    public static Controllers of(String... names) {
        Controllers all = all();
        if (names.length == 0) {
            return all;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String entry : names) {
            for (String raw : entry.split(",")) {
                String name = raw.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.equals("*")) {
                    chosen.addAll(NAMES);
                } else if (name.startsWith("-")) {
                    chosen.remove(known(name.substring(1)));
                } else {
                    chosen.add(known(name));
                }
            }
        }
        return all.with(chosen);
    }

    /** The same options without some controllers. */
    public Controllers without(String... names) {
        Set<String> chosen = new LinkedHashSet<>(enabled);
        for (String name : names) {
            chosen.remove(known(name));
        }
        return with(chosen);
    }

    /** The same options with {@code count} plain nodes, {@code node-1} to {@code node-<count>}, instead of the current ones. */
    public Controllers nodes(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("The number of nodes cannot be negative, not " + count);
        }
        return new Controllers(enabled, defaultNodes(count), delays, backoff, rules, background);
    }

    /** The same options with one more node, with labels (besides the usual {@code kubernetes.io/hostname} and the like). */
    public Controllers node(String name, Map<String, String> labels) {
        List<Node> more = new ArrayList<>(nodes);
        more.removeIf(node -> node.name().equals(name));
        more.add(new Node(name, labels));
        return new Controllers(enabled, more, delays, backoff, rules, background);
    }

    /** The same options with a transition taking this long (zero by default). */
    public Controllers delay(Transition transition, Duration duration) {
        Objects.requireNonNull(transition, "transition");
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(
                    "The delay of " + transition + " must be zero or positive, not " + duration);
        }
        Map<Transition, Duration> changed = new EnumMap<>(Transition.class);
        changed.putAll(delays);
        changed.put(transition, duration);
        return new Controllers(enabled, nodes, changed, backoff, rules, background);
    }

    /**
     * The same options with another first back-off (10 s, as a kubelet and the Job controller wait; it doubles per
     * failure up to 5 min): how long a crashed container waits before it restarts, and a failed Job pod before it is
     * replaced. It must be positive, since a crash loop without back-off would never settle; a test moves past it
     * with {@link KubernetesEmulator#advance(Duration)}.
     */
    public Controllers backoff(Duration first) {
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("The back-off must be positive, not " + first
                    + ": use a short one (such as 1 ms) and KubernetesEmulator.advance(...) to move past it");
        }
        return new Controllers(enabled, nodes, delays, first, rules, background);
    }

    /**
     * The same options with a rule: pods matching the label selector ({@code "app=web,tier!=db"}) behave as if they
     * carried these annotations ({@link #EXIT_CODE}, {@link #EXIT_AFTER}, {@link #READY}, {@link #WAITING}).
     */
    public Controllers pods(String labelSelector, Map<String, String> behaviour) {
        Predicate<Map<String, Object>> selector;
        try {
            selector = Selectors.labels(labelSelector);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "'" + labelSelector + "' is not a label selector: " + e.getMessage()
                            + "; write it as kubectl's -l takes it, such as \"app=web,tier!=db\"",
                    e);
        }
        return pods(selector, behaviour);
    }

    /** The same options with a rule over whole pods (names, labels, annotations, spec): see {@link #pods(String, Map)}. */
    public Controllers pods(Predicate<Map<String, Object>> pod, Map<String, String> behaviour) {
        List<PodRule> more = new ArrayList<>(rules);
        more.add(new PodRule(pod, behaviour));
        return new Controllers(enabled, nodes, delays, backoff, more, background);
    }

    /**
     * The same options, with ({@code true}, the default) or without a background thread that runs the controllers as
     * changes arrive; without it only {@link KubernetesEmulator#settle()} and {@link KubernetesEmulator#advance} move
     * the cluster, each step on the test's own thread.
     */
    public Controllers background(boolean running) {
        return new Controllers(enabled, nodes, delays, backoff, rules, running);
    }

    /** The controllers switched on, in the order of {@link #NAMES}. */
    public Set<String> enabled() {
        Set<String> ordered = new LinkedHashSet<>();
        NAMES.stream().filter(enabled::contains).forEach(ordered::add);
        return Collections.unmodifiableSet(ordered);
    }

    /** Whether a controller is switched on. */
    public boolean enabled(String name) {
        return enabled.contains(name);
    }

    /** The simulated nodes. */
    public List<Node> nodes() {
        return nodes;
    }

    /** How long a transition takes. */
    public Duration delay(Transition transition) {
        return delays.getOrDefault(transition, Duration.ZERO);
    }

    /** The first back-off of a crash loop or a failed Job pod. */
    public Duration backoff() {
        return backoff;
    }

    /** The pod rules, in the order they were added. */
    public List<PodRule> podRules() {
        return rules;
    }

    /** Whether a background thread runs the controllers. */
    public boolean background() {
        return background;
    }

    /** Whether no controller is on. */
    public boolean isEmpty() {
        return enabled.isEmpty();
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("enabled", enabled());
        shown.put("nodes", nodes.stream().map(Node::name).toList());
        shown.put("delays", delays);
        shown.put("backoff", backoff);
        shown.put("background", background);
        return "Controllers" + shown;
    }

    private Controllers with(Set<String> chosen) {
        return new Controllers(chosen, nodes, delays, backoff, rules, background);
    }

    private static String known(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("No controller named '" + name + "': use one of "
                    + String.join(", ", NAMES) + ", '*' for all, or '-name' to leave one out");
        }
        return name;
    }

    private static List<Node> defaultNodes(int count) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(new Node("node-" + i, Map.of()));
        }
        return nodes;
    }
}
