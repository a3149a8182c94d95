package kmock.internal.k8s.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The value constraints of a schema node, as OpenAPI v3 states them: built-in types use only {@code enum}; custom
 * resources may use all of them. A {@code null} bound is no bound.
 *
 * @param enumValues       the allowed values, or empty for any
 * @param minimum          the smallest number allowed
 * @param maximum          the largest number allowed
 * @param exclusiveMinimum whether {@code minimum} itself is excluded
 * @param exclusiveMaximum whether {@code maximum} itself is excluded
 * @param minLength        the shortest string allowed
 * @param maxLength        the longest string allowed
 * @param pattern          a regular expression strings must contain a match of (ECMA 262 as OpenAPI says; Java's here)
 * @param minItems         the fewest list items allowed
 * @param maxItems         the most list items allowed
 * @param minProperties    the fewest map entries allowed
 * @param maxProperties    the most map entries allowed
 * @param nullable         whether {@code null} is a value rather than an absence
 * @param format           the declared OpenAPI format, or {@code null}
 */
public record Constraints(
        List<Object> enumValues,
        BigDecimal minimum,
        BigDecimal maximum,
        boolean exclusiveMinimum,
        boolean exclusiveMaximum,
        Long minLength,
        Long maxLength,
        Pattern pattern,
        Long minItems,
        Long maxItems,
        Long minProperties,
        Long maxProperties,
        boolean nullable,
        String format) {

    /** No constraint at all. */
    public static final Constraints NONE =
            new Constraints(List.of(), null, null, false, false, null, null, null, null, null, null, null, false, null);

    /** Copies the enum values. */
    public Constraints {
        enumValues = enumValues == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(enumValues));
    }

    /** Only an enum. */
    public static Constraints ofEnum(List<?> values) {
        return values.isEmpty()
                ? NONE
                : new Constraints(
                        List.copyOf(values),
                        null,
                        null,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null);
    }
}
