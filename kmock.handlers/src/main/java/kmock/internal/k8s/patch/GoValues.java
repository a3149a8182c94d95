package kmock.internal.k8s.patch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Decoded JSON values as the API server's Go code sees them: their dynamic type ({@code int64} and {@code float64}
 * are different types to Go), Go's {@code ==} on them, and their {@code %v} text, which strategic merge patch
 * errors quote and clients print.
 */
final class GoValues {

    /** The Go type of a decoded JSON value. */
    enum Type {
        MAP("map[string]interface {}"),
        LIST("[]interface {}"),
        STRING("string"),
        INT("int64"),
        FLOAT("float64"),
        BOOL("bool"),
        NULL("<nil>");

        private final String goName;

        Type(String goName) {
            this.goName = goName;
        }

        /** The name Go's {@code reflect} gives it in messages. */
        String goName() {
            return goName;
        }
    }

    private GoValues() {}

    static Type type(Object value) {
        if (value == null) {
            return Type.NULL;
        }
        if (value instanceof Map<?, ?>) {
            return Type.MAP;
        }
        if (value instanceof List<?>) {
            return Type.LIST;
        }
        if (value instanceof Boolean) {
            return Type.BOOL;
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof BigInteger
                || value instanceof Short
                || value instanceof Byte) {
            return Type.INT;
        }
        if (value instanceof Number) {
            return Type.FLOAT;
        }
        return Type.STRING;
    }

    /** Go's {@code ==} on two scalars: the same type and value ({@code 1} and {@code 1.0} differ); never true for maps or lists. */
    static boolean same(Object a, Object b) {
        Type type = type(a);
        if (type != type(b) || type == Type.MAP || type == Type.LIST) {
            return false;
        }
        if (type == Type.INT || type == Type.FLOAT) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Whether a list holds a value equal to the given one by {@link #same}. */
    static boolean contains(List<?> list, Object value) {
        for (Object item : list) {
            if (same(item, value)) {
                return true;
            }
        }
        return false;
    }

    /** The value as Go's {@code %v} prints it: {@code map[a:1 b:[x y]]}, keys sorted. */
    static String text(Object value) {
        return switch (type(value)) {
            case MAP ->
                new TreeMap<>((Map<?, ?>) value)
                        .entrySet().stream()
                                .map(e -> e.getKey() + ":" + text(e.getValue()))
                                .collect(Collectors.joining(" ", "map[", "]"));
            case LIST -> ((List<?>) value).stream().map(GoValues::text).collect(Collectors.joining(" ", "[", "]"));
            case NULL -> "<nil>";
            case FLOAT -> floatText(((Number) value).doubleValue());
            default -> value.toString();
        };
    }

    /** Go's shortest {@code %v} of a float64: plain for exponents from -4 to 5, else like {@code 1e+06}. */
    private static String floatText(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (value != 0 && (exponent < -4 || exponent >= 6)) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return exact.toPlainString();
    }
}
