package kmock.bench.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One contender JVM speaking the protocol of {@code ContenderMain}; its stderr goes to a log file. */
final class ContenderProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private volatile boolean killed;

    private ContenderProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts {@code java -cp <module's class path> kmock.bench.contender.Main <args…>}. */
    static ContenderProcess start(Path bench, Contenders.Entry contender, String... args) {
        Path module = bench.resolve("contenders").resolve(contender.module());
        try {
            String classpath = module.resolve("target/classes") + java.io.File.pathSeparator
                    + Files.readString(module.resolve("target/classpath.txt")).trim();
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-cp", classpath, "kmock.bench.contender.Main"));
            command.addAll(contender.args());
            command.addAll(List.of(args));
            Path log = bench.resolve("target/logs");
            Files.createDirectories(log);
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.resolve(contender.label() + ".log").toFile())).start();
            return new ContenderProcess(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next protocol line starting with the prefix (other output is skipped), or an exception at the end. */
    String expect(String prefix) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix + " ")) {
                    return line.substring(prefix.length() + 1);
                }
                if (line.startsWith("unsupported ")) {
                    throw new UnsupportedOperationException(line);
                }
            }
            throw new IllegalStateException("the contender ended without '" + prefix + "' (see bench/target/logs)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every remaining line of output, until the process ends. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /**
     * Kills the process if it still runs after {@code limit}, so that a contender that cannot finish a figure fails
     * it instead of holding up the run; {@link #killed()} then says so.
     */
    void killAfter(java.time.Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    killed = true;
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Whether {@link #killAfter} ended the process. */
    boolean killed() {
        return killed;
    }

    /** Sends one command line. */
    void send(String command) {
        try {
            in.write(command + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and waits for the process, killing it after 30 s. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the process may be gone already
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
