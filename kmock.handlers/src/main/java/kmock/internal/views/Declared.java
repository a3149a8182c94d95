package kmock.internal.views;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import kmock.internal.criteria.Criterion;
import kmock.internal.criteria.ExplicitCriteria;
import kmock.internal.json.PlainJsonCodec;

/** The arguments of {@code on(...)} rendered as the user wrote them, so that reports name rules recognisably. */
final class Declared {

    private Declared() {}

    /** One argument: strings quoted, patterns and maps as written, explicit criteria by what they test. */
    static String render(Object argument) {
        if (argument instanceof String text) {
            return PlainJsonCodec.quote(text); // not through the codec: the first rule of a JVM would load Jackson
        }
        if (argument instanceof Pattern pattern) {
            return "Pattern.compile(" + PlainJsonCodec.quote(pattern.pattern()) + ")";
        }
        if (argument instanceof Criterion criterion) {
            return criterion.describe();
        }
        Criterion explicit = ExplicitCriteria.of(argument);
        if (explicit != null) {
            return explicit.describe();
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
}
