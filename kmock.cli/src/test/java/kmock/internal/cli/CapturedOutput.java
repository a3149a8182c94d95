package kmock.internal.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a command prints on one of its streams: each line as it is completed, for a test to wait on, and the whole
 * text so far. Thread-safe: the command may print from its own thread.
 */
final class CapturedOutput extends OutputStream {

    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

    /** The stream to hand to the command. */
    PrintStream stream() {
        return stream;
    }

    @Override
    public synchronized void write(int b) {
        all.write(b);
        if (b == '\n') {
            lines.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }

    /** The next completed line, waiting at most {@code patience}; {@code null} when none came. */
    String next(Duration patience) throws InterruptedException {
        return lines.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything printed so far. */
    synchronized String text() {
        return all.toString(StandardCharsets.UTF_8);
    }
}
