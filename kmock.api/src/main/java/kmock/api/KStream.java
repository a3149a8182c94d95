package kmock.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A streaming response of the embedded {@link Client}, read while the server still writes it. Open once the
 * response headers arrived; {@link #close()} disconnects. Reads may come from one thread at a time.
 *
 * <pre>{@code
 * try (KStream watch = kmock.stream("GET", "/api/v1/pods?watch=true")) {
 *     String event = watch.readLine(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface KStream extends AutoCloseable {

    /** The status code. */
    int status();

    /** The response headers, case-insensitive and multi-valued. */
    Map<String, List<String>> headers();

    /** The bytes received since the last read, without waiting; empty when none arrived. */
    byte[] readAvailable();

    /**
     * The next line (without its line break), waiting at most the timeout; {@code null} at the deadline, or at
     * the end of the stream once everything was read. An unterminated last line is returned at the end.
     */
    String readLine(Duration timeout);

    /** All remaining lines, blocking until the server ends the stream. */
    Stream<String> lines();

    /** Whether the server ended the stream (data may still be buffered). */
    boolean isFinished();

    /** Disconnects; the server's producer sees a failed write. */
    @Override
    void close();
}
