package kmock.internal.k8s.controllers.nodes;

import java.math.BigDecimal;
import java.util.Map;

/** Resource quantities ({@code 500m}, {@code 2}, {@code 128Mi}, {@code 1G}, {@code 1e3}) as numbers, for fitting pods on nodes. */
final class Quantities {

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("", BigDecimal.ONE),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private Quantities() {}

    /** The value of a quantity (a string or a number); zero when it is absent or unreadable. */
    static BigDecimal parse(Object quantity) {
        if (quantity instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (!(quantity instanceof String text) || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        String value = text.trim();
        int end = value.length();
        while (end > 0 && Character.isLetter(value.charAt(end - 1)) && !isExponent(value, end - 1)) {
            end--;
        }
        BigDecimal factor = SUFFIXES.get(value.substring(end));
        try {
            return factor == null ? BigDecimal.ZERO : new BigDecimal(value.substring(0, end)).multiply(factor);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /** An {@code e}/{@code E} that is an exponent ({@code 1e3}) rather than a suffix ({@code 1E} for exa). */
    private static boolean isExponent(String value, int at) {
        char c = value.charAt(at);
        return (c == 'e' || c == 'E') && at + 1 < value.length() && Character.isDigit(value.charAt(at + 1));
    }
}
