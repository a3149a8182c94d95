package kmock.internal.k8s.controllers.nodes;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kmock.handlers.Controllers;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;

/**
 * What a pod's containers do on a simulated node, from the user's rules and the pod's own {@code kmock/…}
 * annotations (which win): how long they run, their exit code, whether they become ready, or a reason they wait
 * with forever.
 *
 * @param exitCode  the exit code when the containers end
 * @param exitAfter how long the containers run, or {@code null} for as long as the pod lives
 * @param ready     whether they become ready
 * @param waiting   a reason to wait with instead of starting, or {@code null}
 */
record PodScript(int exitCode, Duration exitAfter, boolean ready, String waiting) {

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    /** The script of a pod under the user's options. */
    static PodScript of(Map<String, Object> pod, Controllers settings) {
        Map<String, String> knobs = new LinkedHashMap<>();
        for (Controllers.PodRule rule : settings.podRules()) {
            if (rule.selects().test(pod)) {
                knobs.putAll(rule.behaviour());
            }
        }
        Tree.annotations(pod).forEach((key, value) -> {
            if (key.startsWith("kmock/")) {
                knobs.put(key, String.valueOf(value));
            }
        });
        String code = knobs.get(Controllers.EXIT_CODE);
        String after = knobs.get(Controllers.EXIT_AFTER);
        Duration exitAfter;
        if (after != null) {
            exitAfter = duration(after);
        } else if (!Pods.restartPolicy(pod).equals("Always") || code != null) {
            exitAfter = settings.delay(Controllers.Transition.RUN);
        } else {
            exitAfter = null;
        }
        return new PodScript(
                code == null ? 0 : exitCode(code),
                exitAfter,
                !"false".equalsIgnoreCase(knobs.getOrDefault(Controllers.READY, "true")),
                knobs.get(Controllers.WAITING));
    }

    private static int exitCode(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A Go duration ({@code 1m30s}, {@code 500ms}) or a number of seconds; zero when unreadable. */
    static Duration duration(String text) {
        String value = text.trim();
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher part = GO_DURATION.matcher(value);
        double nanos = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            double amount = Double.parseDouble(part.group(1));
            nanos += amount
                    * switch (part.group(2)) {
                        case "ns" -> 1;
                        case "us", "µs" -> 1e3;
                        case "ms" -> 1e6;
                        case "s" -> 1e9;
                        case "m" -> 60e9;
                        default -> 3600e9;
                    };
            end = part.end();
        }
        return end == value.length() && end > 0 ? Duration.ofNanos((long) nanos) : Duration.ZERO;
    }
}
