package kmock.internal.streams;

import java.nio.charset.StandardCharsets;

/** UTF-8 bytes of a text, for raw stream items. */
final class Bytes {

    private Bytes() {}

    static byte[] of(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
