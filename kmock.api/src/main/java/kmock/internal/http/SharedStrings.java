package kmock.internal.http;

/**
 * One shared instance for short strings that requests repeat (header names and values, methods, namespaces,
 * resource names): a handler's log keeps every request, and thousands of them carry the same {@code Host},
 * {@code User-Agent} and {@code Content-Type}. A fixed-size table indexed by hash, where a newer string takes its
 * slot from an older one, so it is bounded, needs no lock (a slot always holds a whole string) and follows what the
 * traffic repeats now.
 */
public final class SharedStrings {

    private static final int SLOTS = 4096;
    private static final int LONGEST = 96;
    private static final String[] TABLE = new String[SLOTS];

    private SharedStrings() {}

    /** An equal string, the one already shared when there is one; long strings and {@code null} as given. */
    public static String of(String text) {
        if (text == null || text.length() > LONGEST) {
            return text;
        }
        int slot = (text.hashCode() * 0x9E3779B9 >>> 20) & (SLOTS - 1);
        String known = TABLE[slot];
        if (text.equals(known)) {
            return known;
        }
        TABLE[slot] = text;
        return text;
    }
}
