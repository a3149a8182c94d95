package kmock.internal.criteria;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** How criterion values match actual values: strings exactly, patterns fully, "any" when present, null when absent. */
public final class Values {

    /** The marker behind {@code Criteria.ANY}: present with any value; the same wildcard as in object patterns. */
    public static final Object ANY = AnyValue.INSTANCE;

    private Values() {}

    /** Whether an actual value (null when absent) matches an expected one. */
    public static boolean matches(Object expected, String actual) {
        if (expected == ANY) {
            return actual != null;
        }
        if (expected == null) {
            return actual == null;
        }
        if (actual == null) {
            return false;
        }
        if (expected instanceof Pattern pattern) {
            return pattern.matcher(actual).matches();
        }
        return expected.toString().equals(actual);
    }

    /** Whether every expected entry matches the value that {@code lookup} finds for its key (a subset match). */
    public static boolean subset(Map<String, ?> expected, Function<String, String> lookup) {
        for (Map.Entry<String, ?> entry : expected.entrySet()) {
            if (!matches(entry.getValue(), lookup.apply(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Checks the values of a criterion map at declaration: strings, patterns or ANY. */
    public static void check(String what, Map<?, ?> map) {
        map.forEach((key, value) -> {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException(what + " keys must be strings, got " + key);
            }
            if (!(value instanceof String
                    || value instanceof Pattern
                    || value == ANY
                    || value instanceof Number
                    || value instanceof Boolean)) {
                throw new IllegalArgumentException(what + " value for '" + key
                        + "' must be a String, a java.util.regex.Pattern " + "(full match) or Criteria.ANY, got "
                        + (value == null ? "null" : value.getClass().getName()));
            }
        });
    }
}
