package kmock.internal.criteria;

import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the criterion inside a public {@code kmock.handlers.Criteria}. That class keeps its criterion private, so
 * that this package's {@link Criterion} (descriptions, literal paths, purity) stays out of the API; it registers
 * how to read it when it initialises, which happens before any of its values exists.
 */
public final class ExplicitCriteria {

    private static volatile Function<Object, Criterion> reader = value -> null;

    private ExplicitCriteria() {}

    /** Called once by {@code Criteria}'s static initialiser. */
    public static void readWith(Function<Object, Criterion> criteriaReader) {
        reader = Objects.requireNonNull(criteriaReader, "criteriaReader");
    }

    /** The criterion of a {@code Criteria} value, or {@code null} for any other value. */
    public static Criterion of(Object value) {
        return reader.apply(value);
    }
}
