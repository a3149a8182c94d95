package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import kmock.test.KMockExtension;

/**
 * The real kubectl against one server, with an empty kubeconfig in a test's temporary folder so that nothing of the
 * machine's configuration leaks in, and default (strict) validation. A kubectl test class holds one, made in its
 * constructor beside the extension that starts the server for each test.
 */
final class KubectlRunner {

    /** The outcome of one kubectl run. */
    record Result(int code, String out, String err) {}

    private final Path dir;
    private final Path kubeconfig;
    private final Supplier<URI> server;

    /** kubectl against a running server. */
    KubectlRunner(Path dir, URI server) throws IOException {
        this(dir, () -> server);
    }

    /** kubectl against the server that the extension runs for the current test. */
    KubectlRunner(Path dir, KMockExtension emulator) throws IOException {
        this(dir, () -> emulator.server().url());
    }

    private KubectlRunner(Path dir, Supplier<URI> server) throws IOException {
        this.dir = dir;
        this.server = server;
        this.kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
    }

    /** The test's temporary folder, which holds the kubeconfig and the files a test writes. */
    Path dir() {
        return dir;
    }

    /** Writes a file (a manifest, a script) into the test's folder. */
    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The command line of a kubectl call without a request timeout, for callers that run it themselves (a watch). */
    List<String> command(List<String> args) {
        List<String> command =
                new ArrayList<>(List.of("kubectl", "--kubeconfig=" + kubeconfig, "--server=" + server.get()));
        command.addAll(args);
        return command;
    }

    /** Runs kubectl with a 30 s request timeout to its end (at most 90 s); returns what it printed and its exit code. */
    Result run(List<String> args) throws IOException, InterruptedException {
        return run(args, Map.of());
    }

    /** Runs kubectl as {@link #run(List)} does. */
    Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(args));
    }

    /** Runs kubectl as {@link #run(List)} does, with extra environment variables (such as {@code KUBE_EDITOR}). */
    Result run(List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> timed = new ArrayList<>(List.of("--request-timeout=30s"));
        timed.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command(timed)).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "kubectl " + String.join(" ", args) + " did not finish");
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs kubectl and returns its standard output; fails the test on a non-zero exit, showing both outputs. */
    String ok(List<String> args) throws IOException, InterruptedException {
        Result result = run(args);
        assertEquals(
                0,
                result.code(),
                "kubectl " + String.join(" ", args) + "\nstdout: " + result.out() + "\nstderr: " + result.err());
        return result.out();
    }

    /** Runs kubectl as {@link #ok(List)} does. */
    String ok(String... args) throws IOException, InterruptedException {
        return ok(List.of(args));
    }
}
