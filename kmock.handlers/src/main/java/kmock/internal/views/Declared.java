package kmock.internal.views;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import kmock.internal.criteria.Criterion;

/** The arguments of {@code on(...)} rendered as the user wrote them, so that reports name rules recognisably. */
final class Declared {

    private Declared() {
    }

    /** One argument: strings quoted, patterns and maps as written, explicit criteria by what they test. */
    static String render(Object argument) {
        if (argument instanceof String text) {
            return quote(text);
        }
        if (argument instanceof Pattern pattern) {
            return "Pattern.compile(" + quote(pattern.pattern()) + ")";
        }
        if (argument instanceof Criterion criterion) {
            return criterion.describe();
        }
        if (argument instanceof Enum<?> constant) {
            return constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        }
        if (argument instanceof Map<?, ?> map) {
            return map.toString();
        }
        if (argument instanceof Predicate<?>) {
            return "a predicate";
        }
        if (argument instanceof Future<?>) {
            return "a future";
        }
        return argument instanceof CountDownLatch ? "a latch" : String.valueOf(argument);
    }

    /**
     * A string as a Java literal. Not through the JSON codec: every {@code on(...)} renders its arguments, and the
     * first rule of a JVM would load the whole of Jackson for it.
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
