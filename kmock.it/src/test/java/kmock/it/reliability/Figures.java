package kmock.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures of a reliability run, one markdown table row per measurement, appended to
 * {@code target/reliability-figures.md} so that {@code RELIABILITY.md} can quote a real run. Tests assert on what
 * they measure; this only keeps the numbers.
 */
final class Figures {

    private static final Path FILE = Path.of("target", "reliability-figures.md");

    static {
        try {
            // One file per test run: the first recording of a JVM starts it afresh.
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Figures() {}

    /**
     * Records one measurement: what was tried, on which transport, how many times, how many were lost or wrong, and
     * any other figure worth reading (timings, deltas).
     */
    static synchronized void record(String what, String transport, long tried, long lost, String notes) {
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(
                        FILE,
                        "| what | transport | tried | lost | notes |\n|---|---|---|---|---|\n",
                        StandardCharsets.UTF_8);
            }
            Files.writeString(
                    FILE,
                    "| " + what + " | " + transport + " | " + tried + " | " + lost + " | " + notes + " |\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
