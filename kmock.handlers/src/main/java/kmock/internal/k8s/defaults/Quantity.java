package kmock.internal.k8s.defaults;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 2e3}) read as an exact number, for the
 * arithmetic the API server does on them: comparing and summing (a Pod's QoS class) and rounding a resource list
 * up to milli precision ({@code SetDefaults_ResourceList}).
 *
 * @param value the exact value
 * @param text  the text it was read from
 */
public record Quantity(BigDecimal value, String text) {

    private static final Pattern SYNTAX = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));
    /** Decimal suffixes from the largest down, for writing a rounded quantity canonically. */
    private static final String[] DECIMAL = {"E", "P", "T", "G", "M", "k", "", "m"};

    /** Reads a quantity; {@code null} when the text is none (decoding has already refused malformed ones). */
    public static Quantity parse(Object text) {
        if (!(text instanceof String string)) {
            return text instanceof Number number ? new Quantity(new BigDecimal(number.toString()), number.toString()) : null;
        }
        Matcher matcher = SYNTAX.matcher(string.trim());
        if (!matcher.matches()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(matcher.group(1));
            String suffix = matcher.group(2);
            BigDecimal scale = SUFFIXES.get(suffix);
            if (scale == null && (suffix.startsWith("e") || suffix.startsWith("E"))) {
                return new Quantity(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))), string);
            }
            return scale == null ? null : new Quantity(number.multiply(scale), string);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the quantity is above zero. */
    public boolean positive() {
        return value.signum() > 0;
    }

    /**
     * The text of a quantity rounded up to a whole number of thousandths, as {@code SetDefaults_ResourceList} rounds
     * requests and limits; the same text when no rounding is needed.
     */
    static Object roundedUpToMilli(Object text) {
        Quantity quantity = parse(text);
        if (quantity == null) {
            return text;
        }
        BigDecimal rounded = quantity.value.setScale(3, RoundingMode.CEILING);
        if (rounded.compareTo(quantity.value) == 0) {
            return text;
        }
        return canonical(rounded);
    }

    /** A value with at most three decimals written with the largest decimal suffix that keeps it whole. */
    private static String canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        for (String suffix : DECIMAL) {
            BigDecimal mantissa = value.divide(SUFFIXES.get(suffix));
            if (mantissa.stripTrailingZeros().scale() <= 0) {
                return mantissa.setScale(0, RoundingMode.UNNECESSARY).toPlainString() + suffix;
            }
        }
        return value.toPlainString();
    }
}
