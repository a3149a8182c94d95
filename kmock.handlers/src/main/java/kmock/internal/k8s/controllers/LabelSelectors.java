package kmock.internal.k8s.controllers;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code LabelSelector}s as workloads carry them ({@code matchLabels} and {@code matchExpressions}), and the plain
 * label maps of Services, applied to objects' labels.
 */
public final class LabelSelectors {

    private LabelSelectors() {}

    /** Whether a LabelSelector selects these labels; an absent selector selects nothing, an empty one everything. */
    public static boolean matches(Object selector, Map<String, ?> labels) {
        if (!(selector instanceof Map<?, ?> map)) {
            return false;
        }
        for (Map.Entry<?, ?> entry : Tree.map(map.get("matchLabels")).entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (Object item : Tree.list(map.get("matchExpressions"))) {
            if (!requirement(Tree.map(item), labels)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a selector is absent or selects everything (a workload then manages nothing). */
    public static boolean isEmpty(Object selector) {
        return !(selector instanceof Map<?, ?> map)
                || Tree.map(map.get("matchLabels")).isEmpty()
                        && Tree.list(map.get("matchExpressions")).isEmpty();
    }

    /** The objects whose labels a LabelSelector selects. */
    public static Predicate<Map<String, Object>> of(Object selector) {
        return object -> matches(selector, Tree.labels(object));
    }

    /** Whether a Service's plain selector selects these labels; an empty one selects nothing. */
    public static boolean matchesPlain(Map<String, ?> selector, Map<String, ?> labels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, ?> entry : selector.entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** One {@code matchExpressions} or node selector requirement ({@code In}, {@code NotIn}, {@code Exists}, …). */
    public static boolean requirement(Map<String, ?> requirement, Map<String, ?> labels) {
        Object key = requirement.get("key");
        Object value = labels.get(key);
        List<Object> values = Tree.list(requirement.get("values"));
        return switch (String.valueOf(requirement.get("operator"))) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> labels.containsKey(key);
            case "DoesNotExist" -> !labels.containsKey(key);
            case "Gt" -> compare(value, values) > 0;
            case "Lt" -> compare(value, values) < 0 && value != null;
            default -> false;
        };
    }

    private static int compare(Object value, List<Object> values) {
        try {
            return value == null || values.size() != 1
                    ? 0
                    : Long.compare(
                            Long.parseLong(String.valueOf(value)), Long.parseLong(String.valueOf(values.get(0))));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
