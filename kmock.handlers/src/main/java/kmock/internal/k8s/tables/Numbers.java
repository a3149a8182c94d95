package kmock.internal.k8s.tables;

import java.math.BigDecimal;

/** JSON numbers printed as Go prints the numbers of a decoded object: integers without a fraction. */
final class Numbers {

    private Numbers() {}

    /** {@code 3} for 3 and 3.0, {@code 1.5} for 1.5. */
    static String text(Number number) {
        if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
            double value = number.doubleValue();
            if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }
}
