package kmock.internal.k8s.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 2e3}) read as an exact number, for the
 * arithmetic the API server does on them — comparing and summing (a Pod's QoS class), rounding a resource list up to
 * milli precision ({@code SetDefaults_ResourceList}) — and written back in the canonical form Go's
 * {@code resource.Quantity} writes ({@code 0.5} → {@code 500m}, {@code 1024Mi} → {@code 1Gi}).
 *
 * @param value the exact value
 * @param text  the text it was read from
 */
public record Quantity(BigDecimal value, String text) {

    private static final Pattern SYNTAX = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
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
    /** The decimal SI suffixes by exponent of ten, from 10^-9 to 10^18. */
    private static final Map<Integer, String> DECIMAL_SI =
            Map.of(-9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");

    private static final String[] BINARY_SI = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigDecimal KI = BigDecimal.valueOf(1024);
    private static final BigDecimal LIMIT = BigDecimal.valueOf(1024);

    /** Reads a quantity; {@code null} when the text is none (decoding has already refused malformed ones). */
    public static Quantity parse(Object text) {
        if (!(text instanceof String string)) {
            return text instanceof Number number
                    ? new Quantity(new BigDecimal(number.toString()), number.toString())
                    : null;
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
    public static Object roundedUpToMilli(Object text) {
        Quantity quantity = parse(text);
        if (quantity == null) {
            return text;
        }
        BigDecimal rounded = quantity.value.setScale(3, RoundingMode.CEILING);
        if (rounded.compareTo(quantity.value) == 0) {
            return text;
        }
        return written(rounded, suffix(quantity.text));
    }

    /**
     * The text Go writes for this quantity. {@code ParseQuantity} keeps the text it read when it looks canonical
     * (a whole number of milli, units or larger decimal steps not ending in {@code 000}; binary amounts not divisible
     * by 8); otherwise the value is written anew: finer than nano rounded up, binary suffixes for a whole number of
     * at least 1024 read with one, else the largest decimal suffix (or exponent, for a quantity read with one) that
     * keeps the number whole.
     */
    public String canonical() {
        String kept = keptAsWritten(text == null ? value.toPlainString() : text.trim());
        return kept != null ? kept : written(value, suffix(text));
    }

    /** The text itself when Go's parser keeps it, else {@code null}. */
    private static String keptAsWritten(String str) {
        if (str.equals("0")) {
            return str;
        }
        Matcher matcher = SYNTAX.matcher(str);
        if (!matcher.matches()) {
            return null;
        }
        String number = matcher.group(1).replaceFirst("^[+-]", "");
        String suffix = matcher.group(2);
        int dot = number.indexOf('.');
        String num = (dot < 0 ? number : number.substring(0, dot)).replaceFirst("^0+", "");
        String denom = dot < 0 ? "" : number.substring(dot + 1);
        num = num.isEmpty() ? "0" : num;
        boolean binary = suffix.endsWith("i");
        int exponent = binary
                ? 10 * java.util.Arrays.asList(BINARY_SI).indexOf(suffix)
                : suffix.startsWith("e") || suffix.startsWith("E")
                        ? Integer.parseInt(suffix.substring(1))
                        : DECIMAL_SI.entrySet().stream()
                                .filter(e -> e.getValue().equals(suffix))
                                .findFirst()
                                .map(Map.Entry::getKey)
                                .orElse(0);
        int precision;
        int scale;
        if (binary) {
            scale = 0;
            precision = exponent >= 0 && denom.isEmpty() ? 15 - num.length() - (int) (exponent * 3f / 10) - 1 : -1;
        } else {
            scale = exponent;
            precision = 18 - (num.length() + denom.length());
        }
        if (precision < 0 || scale - denom.length() < -9) {
            return null;
        }
        scale -= denom.length();
        String shifted = num + denom;
        long amount;
        try {
            amount = Long.parseLong(shifted);
        } catch (NumberFormatException e) {
            return null;
        }
        if (binary) {
            return exponent % 10 == 0 && (amount & 0x07) != 0 ? str : null;
        }
        return scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0' ? str : null;
    }

    /** {@code CanonicalizeBytes}: a value written with the suffix its text's format calls for. */
    private static String written(BigDecimal value, String suffix) {
        BigDecimal exact = value.scale() > 9 ? value.setScale(9, RoundingMode.UP) : value;
        if (exact.signum() == 0) {
            return "0";
        }
        if (suffix.endsWith("i")
                && exact.abs().compareTo(LIMIT) >= 0
                && exact.stripTrailingZeros().scale() <= 0) {
            BigDecimal amount = exact.setScale(0, RoundingMode.UNNECESSARY);
            int power = 0;
            while (power < BINARY_SI.length - 1 && amount.remainder(KI).signum() == 0) {
                amount = amount.divide(KI);
                power++;
            }
            return amount.toPlainString() + BINARY_SI[power];
        }
        BigDecimal stripped = exact.stripTrailingZeros();
        java.math.BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        int remainder = Math.floorMod(exponent, 3);
        mantissa = mantissa.multiply(java.math.BigInteger.TEN.pow(remainder));
        exponent -= remainder;
        boolean exponentForm = suffix.startsWith("e") || suffix.startsWith("E");
        String si = DECIMAL_SI.get(exponent);
        if (exponentForm || si == null) {
            return mantissa + (exponent == 0 ? "" : "e" + exponent);
        }
        return mantissa + si;
    }

    private static String suffix(String text) {
        Matcher matcher = text == null ? null : SYNTAX.matcher(text.trim());
        return matcher != null && matcher.matches() ? matcher.group(2) : "";
    }
}
