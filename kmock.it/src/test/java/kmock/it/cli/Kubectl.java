package kmock.it.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl against a server URL, with an empty kubeconfig so that nothing of the machine's leaks in. */
final class Kubectl {

    private Kubectl() {}

    /** Runs kubectl and returns its standard output; fails the test on a non-zero exit. */
    static String run(URI server, String... args) throws IOException, InterruptedException {
        Path kubeconfig = Files.createTempFile("kmock-kubeconfig", ".yaml");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\n");
        Path out = Files.createTempFile("kmock-kubectl", ".out");
        try {
            List<String> command =
                    new ArrayList<>(List.of("kubectl", "--kubeconfig=" + kubeconfig, "--server=" + server));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl did not finish within 60 s");
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(process.exitValue() == 0, "kubectl " + String.join(" ", args) + " failed: " + output);
            return output;
        } finally {
            Files.deleteIfExists(kubeconfig);
            Files.deleteIfExists(out);
        }
    }
}
