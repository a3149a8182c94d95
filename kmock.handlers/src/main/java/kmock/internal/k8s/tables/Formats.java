package kmock.internal.k8s.tables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The texts the API server's printers build from common parts: ages ({@code 5m3s}, {@code 10d}), label sets
 * ({@code app=web,tier=db}), label selectors ({@code app=web,tier in (a,b)}) and container lists.
 */
final class Formats {

    static final String NONE = "<none>";
    static final String UNKNOWN = "<unknown>";

    private Formats() {}

    /** The age of a timestamp at {@code now}: {@code <unknown>} for none. */
    static String since(Instant timestamp, Instant now) {
        return timestamp == null ? UNKNOWN : humanDuration(Duration.between(timestamp, now));
    }

    /**
     * A duration with two or three significant figures, as Kubernetes shows ages: seconds below two minutes,
     * minutes and seconds below ten minutes, hours and minutes below eight hours, days and hours below eight days,
     * then days, then years and days, then years.
     */
    static String humanDuration(Duration duration) {
        long seconds = duration.getSeconds() + (duration.isNegative() && duration.getNano() > 0 ? 1 : 0);
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long rest = seconds % 60;
            return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = seconds / 3600;
        if (hours < 8) {
            long rest = minutes % 60;
            return rest == 0 ? hours + "h" : hours + "h" + rest + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long rest = hours % 24;
            return rest == 0 ? hours / 24 + "d" : hours / 24 + "d" + rest + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long days = hours / 24 % 365;
            return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
        }
        return hours / 24 / 365 + "y";
    }

    /** A label set, keys sorted: {@code a=1,b=2}; {@code <none>} when empty. */
    static String labels(Map<String, Object> labels) {
        String text = joinedLabels(labels);
        return text.isEmpty() ? NONE : text;
    }

    private static String joinedLabels(Map<String, Object> labels) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(labels).forEach((key, value) -> parts.add(key + "=" + (value == null ? "" : value)));
        return String.join(",", parts);
    }

    /** A label selector as a selector string; {@code <none>} when it selects everything or is absent. */
    static String labelSelector(Fields selector) {
        String text = selectorString(selector);
        return text.isEmpty() ? NONE : text;
    }

    /**
     * A label selector as a selector string, requirements sorted by key: {@code app=web,tier in (a,b),!gone};
     * {@code ""} when absent or empty, {@code <error>} for an operator Kubernetes does not know.
     */
    static String selectorString(Fields selector) {
        TreeMap<String, List<String>> requirements = new TreeMap<>();
        selector.map("matchLabels").forEach((key, value) -> requirements
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(key + "=" + (value == null ? "" : value)));
        for (Fields expression : selector.list("matchExpressions")) {
            String key = expression.text("key");
            TreeSet<String> values = new TreeSet<>();
            expression.list("values").forEach(value -> values.add(value.text()));
            String requirement =
                    switch (expression.text("operator")) {
                        case "In" -> key + " in (" + String.join(",", values) + ")";
                        case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                        case "Exists" -> key;
                        case "DoesNotExist" -> "!" + key;
                        default -> null;
                    };
            if (requirement == null) {
                return "<error>";
            }
            requirements.computeIfAbsent(key, k -> new ArrayList<>()).add(requirement);
        }
        List<String> all = new ArrayList<>();
        requirements.values().forEach(all::addAll);
        return String.join(",", all);
    }

    /** The names and the images of containers, each joined with commas. */
    static String[] containers(List<Fields> containers) {
        List<String> names = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (Fields container : containers) {
            names.add(container.text("name"));
            images.add(container.text("image"));
        }
        return new String[] {String.join(",", names), String.join(",", images)};
    }

    /** The first non-empty text, or {@code ""}. */
    static String firstNonEmpty(String... texts) {
        for (String text : texts) {
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** {@code text}, or {@code fallback} when it is empty. */
    static String orElse(String text, String fallback) {
        return text.isEmpty() ? fallback : text;
    }

    /** A list of at most three texts with {@code " + N more..."} for the rest; {@code empty} when there are none. */
    static String listWithMore(List<String> all, String empty) {
        if (all.isEmpty()) {
            return empty;
        }
        String shown = String.join(",", all.subList(0, Math.min(3, all.size())));
        return all.size() > 3 ? shown + " + " + (all.size() - 3) + " more..." : shown;
    }
}
