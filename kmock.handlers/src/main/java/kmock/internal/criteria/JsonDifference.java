package kmock.internal.criteria;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import kmock.internal.json.Json;

/**
 * The first difference between two equal-or-not JSON values, for near-miss reports of {@code Criteria.data}:
 * {@code $.spec.replicas: expected 3, got 2}, with keys missing on either side named too (equality, unlike the
 * subset match of object patterns).
 */
final class JsonDifference {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonDifference() {}

    /** The first difference as one line, or {@code "$: equal"} when there is none. */
    static String first(Object expected, Object actual) {
        String found = difference(expected, actual, "$");
        return found == null ? "$: equal" : found;
    }

    private static String difference(Object expected, Object actual, String path) {
        if (expected instanceof Map<?, ?> want && actual instanceof Map<?, ?> got) {
            for (Map.Entry<?, ?> entry : want.entrySet()) {
                String at = path + segment(String.valueOf(entry.getKey()));
                if (!got.containsKey(entry.getKey())) {
                    return at + ": expected " + render(entry.getValue()) + ", got " + Mismatches.ABSENT;
                }
                String found = difference(entry.getValue(), got.get(entry.getKey()), at);
                if (found != null) {
                    return found;
                }
            }
            for (Map.Entry<?, ?> entry : got.entrySet()) {
                if (!want.containsKey(entry.getKey())) {
                    return path + segment(String.valueOf(entry.getKey())) + ": expected " + Mismatches.ABSENT + ", got "
                            + render(entry.getValue());
                }
            }
            return null;
        }
        if (expected instanceof List<?> want && actual instanceof List<?> got && want.size() == got.size()) {
            Iterator<?> items = got.iterator();
            int index = 0;
            for (Object item : want) {
                String found = difference(item, items.next(), path + "[" + index++ + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return Objects.equals(expected, actual)
                ? null
                : path + ": expected " + render(expected) + ", got " + render(actual);
    }

    private static String segment(String key) {
        return PLAIN_KEY.matcher(key).matches() ? "." + key : "[" + Json.toText(key) + "]";
    }

    private static String render(Object value) {
        String text = Json.toText(value);
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
