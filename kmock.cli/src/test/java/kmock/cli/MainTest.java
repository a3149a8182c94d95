package kmock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes and messages of kmock.jar's commands, run in this JVM: 0 done, 1 failed, 2 bad command line. */
class MainTest {

    private static final String USAGE = "usage: java -jar kmock.jar COMMAND [FLAGS]";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs a command line with the stop latch open, so that serve returns once it listens. */
    private int run(String... args) {
        return Main.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(0));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageOnStandardOutputAndSucceeds() {
        assertEquals(0, run("serve", "--help"));
        assertTrue(out().startsWith(USAGE + "\ncommands:\n  serve "), out());
        assertEquals("", err());
    }

    @Test
    void noCommandPrintsTheUsageOnStandardErrorAndExitsWithTwo() {
        assertEquals(2, run());
        assertTrue(err().startsWith(USAGE), err());
    }

    @Test
    void anUnknownCommandIsNamedBeforeTheUsage() {
        assertEquals(2, run("fetch", "everything"));
        assertTrue(err().startsWith("kmock: unknown command 'fetch everything'\n" + USAGE), err());
    }

    @Test
    void aBadFlagIsExplainedBeforeTheUsage() {
        assertEquals(2, run("serve", "--bogus"));
        assertTrue(err().startsWith("kmock: unknown flag --bogus; this command takes --controllers,"), err());
        assertTrue(err().contains(USAGE), err());
    }

    @Test
    void aFailureIsPrintedWithoutTheUsageAndExitsWithOne(@TempDir Path dir) {
        Path missing = dir.resolve("absent");
        assertEquals(1, run("fetch", "resources", "--kubeconfig", missing.toString()));
        assertEquals("kmock: no kubeconfig at " + missing + ": pass --server URL or --kubeconfig FILE\n", err());
    }

    @Test
    void serveSucceedsOnceStopped() {
        assertEquals(0, run("serve", "--port", "0"));
        assertTrue(out().startsWith("Listening on http://127.0.0.1:"), out());
    }
}
