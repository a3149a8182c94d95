package kmock.transport.jetty;

/**
 * Makes a raw request path or query acceptable to {@link java.net.URI} without changing its meaning: characters
 * that clients often send unescaped ({@code [ ] { } | ^ " < > \ `} and spaces) are percent-encoded; everything
 * else, {@code %} escapes included, is kept as the client wrote it, so a malformed escape still fails to parse.
 */
final class TargetText {

    private static final String UNSAFE = "[]{}|^\"<>\\` ";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TargetText() {}

    static String lenient(String raw) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (UNSAFE.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(raw.length() + 8).append(raw, 0, i);
                }
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? raw : out.toString();
    }
}
