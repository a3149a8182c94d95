package kmock.internal.protobuf.json;

/**
 * A duration in nanoseconds as Go's {@code time.Duration.String()} writes it, which is how a Kubernetes
 * {@code metav1.Duration} appears in JSON: {@code 1h0m0s}, {@code 1m30s}, {@code 1.5s}, {@code 250ms},
 * {@code 1.5µs}, {@code 7ns}, {@code 0s}.
 */
final class GoDuration {

    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {}

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        // The magnitude as an unsigned number: -Long.MIN_VALUE wraps to 2^63, which is right when read unsigned.
        long magnitude = nanos < 0 ? -nanos : nanos;
        String text;
        if (Long.compareUnsigned(magnitude, SECOND) < 0) {
            if (magnitude < 1_000) {
                text = magnitude + "ns";
            } else if (magnitude < 1_000_000) {
                text = decimal(magnitude, 3) + "µs";
            } else {
                text = decimal(magnitude, 6) + "ms";
            }
        } else {
            long seconds = Long.divideUnsigned(magnitude, SECOND);
            text = seconds % 60 + fraction(Long.remainderUnsigned(magnitude, SECOND), 9) + "s";
            long minutes = seconds / 60;
            if (minutes > 0) {
                text = minutes % 60 + "m" + text;
                long hours = minutes / 60;
                if (hours > 0) {
                    text = hours + "h" + text;
                }
            }
        }
        return nanos < 0 ? "-" + text : text;
    }

    /** {@code value / 10^digits} with the fraction's trailing zeros left out. */
    private static String decimal(long value, int digits) {
        long scale = (long) Math.pow(10, digits);
        return value / scale + fraction(value % scale, digits);
    }

    /** {@code .123} for a fraction of {@code digits} digits, without trailing zeros; empty when it is zero. */
    private static String fraction(long value, int digits) {
        if (value == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(Long.toString(value));
        while (text.length() < digits) {
            text.insert(0, '0');
        }
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        return "." + text.substring(0, end);
    }
}
