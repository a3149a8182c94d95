package kmock.internal.k8s.selectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.store.StoredObject;

/**
 * Label selectors ({@code a=b}, {@code a==b}, {@code a!=b}, {@code a in (x, y)}, {@code a notin (x)}, {@code a},
 * {@code !a}) and field selectors ({@code metadata.name=x}, {@code status.phase!=Running}) as predicates over
 * objects. Malformed selectors are a 400 {@code Status}; nothing else is thrown, whatever the input.
 */
public final class Selectors {

    private Selectors() {}

    /** The predicate of a label selector; an empty or absent selector selects everything. */
    public static Predicate<Map<String, Object>> labels(String selector) {
        if (selector == null || selector.isBlank()) {
            return object -> true;
        }
        List<Predicate<Map<String, ?>>> requirements = new ArrayList<>();
        for (String requirement : split(selector)) {
            requirements.add(labelRequirement(requirement.trim(), selector));
        }
        return object -> {
            Map<String, ?> labels = labelsOf(object);
            return requirements.stream().allMatch(r -> r.test(labels));
        };
    }

    /** The predicate of a field selector over dotted paths; an empty or absent selector selects everything. */
    public static Predicate<Map<String, Object>> fields(String selector) {
        return fields(selector, FieldLabels.ANY_PATH);
    }

    /**
     * The predicate of a field selector over the field labels a resource supports.
     *
     * @throws KubernetesException 400 for a malformed selector or a label the resource does not support
     */
    public static Predicate<Map<String, Object>> fields(String selector, FieldLabels labels) {
        if (selector == null || selector.isBlank()) {
            return object -> true;
        }
        List<Predicate<Map<String, Object>>> requirements = new ArrayList<>();
        for (String requirement : split(selector)) {
            String text = requirement.trim();
            boolean negated = text.contains("!=");
            String[] parts = text.split(negated ? "!=" : "==?", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw bad(selector, "'" + text + "' is not 'path=value', 'path==value' or 'path!=value'");
            }
            Function<Map<String, Object>, String> field = labels.reader(parts[0].trim());
            String value = parts[1].trim();
            requirements.add(object -> negated != value.equals(field.apply(object)));
        }
        return object -> requirements.stream().allMatch(r -> r.test(object));
    }

    private static Predicate<Map<String, ?>> labelRequirement(String text, String selector) {
        if (text.isEmpty()) {
            throw bad(selector, "an empty requirement");
        }
        String lower = text.replaceAll("\\s+", " ");
        int in = lower.indexOf(" in ");
        int notin = lower.indexOf(" notin ");
        if (notin > 0 || in > 0) {
            boolean negated = notin > 0;
            String key = key(lower.substring(0, negated ? notin : in), selector);
            String rest =
                    lower.substring((negated ? notin : in) + (negated ? 7 : 4)).trim();
            if (!rest.startsWith("(") || !rest.endsWith(")")) {
                throw bad(
                        selector,
                        "the values of '" + key + "' must be in parentheses: " + key + (negated ? " notin" : " in")
                                + " (a, b)");
            }
            Set<String> values =
                    Set.copyOf(List.of(rest.substring(1, rest.length() - 1).split("\\s*,\\s*")).stream()
                            .map(String::trim)
                            .filter(v -> !v.isEmpty())
                            .toList());
            return labels -> negated != (labels.get(key) != null && values.contains(String.valueOf(labels.get(key))));
        }
        if (lower.startsWith("!")) {
            String key = key(lower.substring(1), selector);
            return labels -> !labels.containsKey(key);
        }
        int ne = lower.indexOf("!=");
        if (ne > 0) {
            String key = key(lower.substring(0, ne), selector);
            String value = lower.substring(ne + 2).trim();
            return labels -> !value.equals(labels.get(key) == null ? null : String.valueOf(labels.get(key)));
        }
        int eq = lower.indexOf('=');
        if (eq > 0) {
            String key = key(lower.substring(0, eq), selector);
            String value = lower.substring(lower.startsWith("==", eq) ? eq + 2 : eq + 1)
                    .trim();
            if (value.contains("=")) {
                throw bad(selector, "'" + text + "' has more than one operator");
            }
            return labels -> value.equals(labels.get(key) == null ? null : String.valueOf(labels.get(key)));
        }
        String key = key(lower, selector);
        return labels -> labels.containsKey(key);
    }

    private static String key(String text, String selector) {
        String key = text.trim();
        if (!key.matches("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
            throw bad(selector, "'" + key + "' is not a label key");
        }
        return key;
    }

    /** Splits at commas outside parentheses. */
    private static List<String> split(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw bad(selector, "an unbalanced ')'");
                }
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw bad(selector, "an unclosed '('");
        }
        parts.add(selector.substring(start));
        return parts;
    }

    private static Map<String, ?> labelsOf(Map<String, Object> object) {
        if (object instanceof StoredObject stored) {
            return stored.labels(); // kept beside the stored JSON: no parsing for a label selector
        }
        if (object.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("labels") instanceof Map<?, ?> labels) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) labels;
            return typed;
        }
        return Map.of();
    }

    private static KubernetesException bad(String selector, String what) {
        return new KubernetesException(Reason.BAD_REQUEST, "unable to parse selector \"" + selector + "\": " + what);
    }
}
