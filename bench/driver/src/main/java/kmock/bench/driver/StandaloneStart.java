package kmock.bench.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The standalone server's start-up: {@code java -jar kmock.jar serve --port 0} until its first request is served. */
final class StandaloneStart {

    private StandaloneStart() {
    }

    /** Writes a class-data sharing archive of what a start and a few requests load ({@code serve --warmup}). */
    static void train(Path jar, Path archive) throws Exception {
        Process process = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(),
                "serve", "--port", "0", "--warmup").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(archive)) {
            process.destroyForcibly();
            throw new IllegalStateException("the warm-up run for the archive failed (exit " + process.exitValue() + ")");
        }
    }

    /** Milliseconds from the process start to the first {@code 200} of {@code GET /api}; with the archive unless {@code null}. */
    static double firstRequest(Path jar, Path archive) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("Listening on ")) {
                line = out.readLine();
            }
            if (line == null) {
                throw new IllegalStateException("kmock serve ended without 'Listening on'");
            }
            URI url = URI.create(line.substring("Listening on ".length()).trim());
            while (!served(url)) {
                Thread.onSpinWait();
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean served(URI url) {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return status != null && status.startsWith("HTTP/1.1 200");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
