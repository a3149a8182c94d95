package kmock.internal.payloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the body sources: a {@code Path} afresh on every request; an {@code InputStream} or {@code Reader} from
 * where the previous request left it, to its current end, so later requests get only what was appended since (and
 * an empty body once it is exhausted). Concurrent requests read a shared source one at a time.
 */
final class Inputs {

    private Inputs() {}

    /** The whole file; a missing file fails the payload. */
    static byte[] file(Path path) throws IOException {
        return Files.readAllBytes(path);
    }

    /** What remains in the input now. */
    static byte[] rest(InputStream input) throws IOException {
        synchronized (input) {
            return input.readAllBytes();
        }
    }

    /** What remains in the reader now, as UTF-8. */
    static byte[] rest(Reader reader) throws IOException {
        synchronized (reader) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
