package kmock.internal.criteria;

/**
 * The wildcard of partial matching: in a pattern it matches any value that is present (the Python {@code ...}).
 * {@code Criteria.ANY} is meant to be this instance, so one marker serves criteria and object patterns alike.
 */
public final class AnyValue {

    /** The one wildcard. */
    public static final AnyValue INSTANCE = new AnyValue();

    private AnyValue() {}

    /** Whether a pattern value is the wildcard. */
    public static boolean isAny(Object value) {
        return value instanceof AnyValue;
    }

    @Override
    public String toString() {
        return "ANY";
    }
}
