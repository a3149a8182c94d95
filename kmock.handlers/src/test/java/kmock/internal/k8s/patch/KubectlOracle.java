package kmock.internal.k8s.patch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kmock.internal.json.Json;

/**
 * The expected result of a strategic merge patch: {@code kubectl patch --local --type strategic -o json}, which runs
 * the API server's patch code (k8s.io/apimachinery strategicpatch) with the real Go types' tags. Every call is one
 * kubectl process; {@link #patchAll} runs several at a time.
 */
public final class KubectlOracle {

    /** What kubectl answered: the patched object, or the patch library's error message. */
    public record Outcome(Map<String, Object> object, String error) {

        /** Whether the patch failed. */
        public boolean failed() {
            return error != null;
        }
    }

    private static final int PARALLEL = 4;

    private final Path dir;
    private final Path kubeconfig;

    /** An oracle writing its files to a test's temporary folder. */
    public KubectlOracle(Path dir) {
        this.dir = dir;
        try {
            this.kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kubectl's result of one patch. */
    @SuppressWarnings("unchecked")
    public Outcome patch(Map<String, Object> object, Map<String, Object> patch) {
        try {
            Path file = Files.createTempFile(dir, "object", ".json");
            Files.writeString(file, Json.toText(object));
            Path out = Files.createTempFile(dir, "out", ".json");
            Path err = Files.createTempFile(dir, "err", ".txt");
            Process process = new ProcessBuilder(
                            "kubectl",
                            "--kubeconfig=" + kubeconfig,
                            "patch",
                            "--local",
                            "-f",
                            file.toString(),
                            "--type",
                            "strategic",
                            "-p",
                            Json.toText(patch),
                            "-o",
                            "json")
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl patch --local did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                String message = Files.readString(err, StandardCharsets.UTF_8).strip();
                return new Outcome(
                        null, message.startsWith("error: ") ? message.substring("error: ".length()) : message);
            }
            Map<String, Object> result = (Map<String, Object>) Json.parse(Files.readAllBytes(out));
            // Where the library takes patch content over unmerged it keeps the directives in it; the API server
            // then drops them as unknown fields when it decodes the result into the Go type, so they are never
            // stored. kubectl --local prints the library's raw result: compare with what the server keeps.
            Directives.strip(result);
            return new Outcome(result, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kubectl's results of the cases' patches of their objects, in order, a few kubectl processes at a time. */
    public List<Outcome> patchAll(List<StrategicMergeCases.Case> cases) {
        return patchAll(
                cases.stream().map(StrategicMergeCases.Case::freshObject).toList(),
                cases.stream().map(StrategicMergeCases.Case::patch).toList());
    }

    /** kubectl's results of patches of objects (the i-th patch of the i-th object), in order, a few at a time. */
    public List<Outcome> patchAll(List<Map<String, Object>> objects, List<Map<String, Object>> patches) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                Map<String, Object> object = objects.get(i);
                Map<String, Object> patch = patches.get(i);
                futures.add(pool.submit(() -> patch(object, patch)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
