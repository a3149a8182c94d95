package kmock.internal.k8s.store;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kmock.internal.criteria.AnyValue;
import kmock.internal.json.Json;

/**
 * Partial comparison of JSON values against patterns, for assertions: a pattern map matches any map holding at
 * least its keys with matching values, lists match element by element with equal lengths, {@link AnyValue}
 * matches any present value, a {@link Pattern} fully matches a string, a {@code null} pattern matches a null or
 * absent value, and numbers compare by value. Differences are reported with the JSON path where they occur.
 */
public final class PartialMatch {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_RENDERED = 200;

    private PartialMatch() {}

    /** Whether an actual value matches a pattern. */
    public static boolean matches(Object actual, Object pattern) {
        return difference(actual, pattern) == null;
    }

    /**
     * The first difference, depth first in the pattern's order, as {@code $.spec.items[2].name: expected "a" but
     * was "b"}; {@code null} when the actual value matches.
     */
    public static String difference(Object actual, Object pattern) {
        return difference(actual, pattern, "$");
    }

    /**
     * Whether every pattern matches a distinct item, in any order: a maximum bipartite matching, so a pattern
     * that fits several items never takes the only item another pattern fits.
     */
    public static boolean containsAll(List<?> items, List<?> patterns) {
        if (patterns.size() > items.size()) {
            return false;
        }
        boolean[][] fits = new boolean[patterns.size()][items.size()];
        for (int p = 0; p < patterns.size(); p++) {
            for (int i = 0; i < items.size(); i++) {
                fits[p][i] = matches(items.get(i), patterns.get(p));
            }
        }
        int[] owner = new int[items.size()];
        Arrays.fill(owner, -1);
        for (int p = 0; p < patterns.size(); p++) {
            if (!augment(p, fits, owner, new boolean[items.size()])) {
                return false;
            }
        }
        return true;
    }

    // Kuhn's augmenting path: give pattern p a free item, or move the owner of a fitting item to another one.
    private static boolean augment(int p, boolean[][] fits, int[] owner, boolean[] visited) {
        for (int i = 0; i < owner.length; i++) {
            if (fits[p][i] && !visited[i]) {
                visited[i] = true;
                if (owner[i] < 0 || augment(owner[i], fits, owner, visited)) {
                    owner[i] = p;
                    return true;
                }
            }
        }
        return false;
    }

    private static String difference(Object actual, Object pattern, String path) {
        if (AnyValue.isAny(pattern)) {
            return null;
        }
        if (pattern == null) {
            return actual == null ? null : path + ": expected null but was " + render(actual);
        }
        if (pattern instanceof Map<?, ?> expected) {
            if (!(actual instanceof Map<?, ?> map)) {
                return path + ": expected an object but was " + render(actual);
            }
            for (Map.Entry<?, ?> entry : expected.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String at = path + segment(key);
                if (!map.containsKey(key)) {
                    if (entry.getValue() != null) {
                        return at + ": expected " + render(entry.getValue()) + " but was missing";
                    }
                    continue;
                }
                String found = difference(map.get(key), entry.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (pattern instanceof List<?> expected) {
            if (!(actual instanceof List<?> list)) {
                return path + ": expected a list but was " + render(actual);
            }
            if (list.size() != expected.size()) {
                return path + ": expected a list of " + expected.size() + " items but was a list of " + list.size()
                        + " items: " + render(actual);
            }
            Iterator<?> items = list.iterator();
            int index = 0;
            for (Object item : expected) {
                String found = difference(items.next(), item, path + "[" + index++ + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (pattern instanceof Pattern regex) {
            return actual instanceof String text && regex.matcher(text).matches()
                    ? null
                    : path + ": expected a string matching /" + regex.pattern() + "/ but was " + render(actual);
        }
        Object plain = pattern instanceof String || pattern instanceof Number || pattern instanceof Boolean
                ? pattern
                : JsonTree.copy(pattern);
        return JsonTree.same(plain, actual)
                ? null
                : path + ": expected " + render(plain) + " but was " + render(actual);
    }

    private static String segment(String key) {
        return PLAIN_KEY.matcher(key).matches()
                ? "." + key
                : "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static String render(Object value) {
        StringBuilder text = new StringBuilder();
        render(value, text);
        return text.length() <= MAX_RENDERED ? text.toString() : text.substring(0, MAX_RENDERED) + "…";
    }

    // JSON-like, but also for patterns holding ANY or regular expressions; stops early on huge values.
    private static void render(Object value, StringBuilder text) {
        if (text.length() > MAX_RENDERED) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            text.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(separator)
                        .append(Json.toText(String.valueOf(entry.getKey())))
                        .append(':');
                render(entry.getValue(), text);
                separator = ",";
            }
            text.append('}');
        } else if (value instanceof List<?> list) {
            text.append('[');
            String separator = "";
            for (Object item : list) {
                text.append(separator);
                render(item, text);
                separator = ",";
            }
            text.append(']');
        } else if (value instanceof String string) {
            text.append(Json.toText(string));
        } else if (value instanceof Pattern regex) {
            text.append('/').append(regex.pattern()).append('/');
        } else {
            text.append(value);
        }
    }
}
