package kmock.it.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar kmock.jar …} as a subprocess, with its output collected line by line as it comes. */
final class KmockJar implements AutoCloseable {

    static final Path JAR =
            Path.of("..", "kmock.cli", "target", "kmock.jar").toAbsolutePath().normalize();
    private static final Pattern LISTENING = Pattern.compile("Listening on (https?://[^ ]+/)");

    final Process process;
    final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    final BlockingQueue<String> stderr = new LinkedBlockingQueue<>();

    private KmockJar(Process process) {
        this.process = process;
        pump(process.getInputStream(), stdout, "stdout");
        pump(process.getErrorStream(), stderr, "stderr");
    }

    static KmockJar start(String... args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "kmock.jar is built by the kmock.cli module before this one: " + JAR);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new KmockJar(new ProcessBuilder(command).start());
    }

    /** The URL of the {@code Listening on} line, waiting at most 60 s for it. */
    URI awaitListening() throws InterruptedException {
        String line = stdout.poll(60, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no 'Listening on' line within 60 s; stderr: " + String.join("\n", stderr));
        }
        Matcher matcher = LISTENING.matcher(line);
        assertTrue(matcher.matches(), "unexpected first line: " + line);
        return URI.create(matcher.group(1));
    }

    /** Waits for the exit code, at most 60 s. */
    int awaitExit() throws InterruptedException {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kmock.jar did not exit within 60 s");
        return process.exitValue();
    }

    /** Everything printed on standard error so far, waiting briefly for the stream's end after exit. */
    String errors() {
        return String.join("\n", stderr);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void pump(java.io.InputStream stream, BlockingQueue<String> lines, String name) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException ended) {
                        // the process is gone; what was read is kept
                    }
                },
                "kmock-it-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
