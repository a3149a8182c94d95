package kmock.internal.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A kubeconfig file for a test's server: written on demand, deleted with the test. */
final class KubeconfigFile implements AutoCloseable {

    private final Path path;

    private KubeconfigFile(Path path) {
        this.path = path;
    }

    /** Writes a kubeconfig whose current context ({@code kmock}) is the server, namespace {@code default}. */
    static KubeconfigFile write(URI server) {
        String url = server.toString().endsWith("/") ? server.toString().substring(0, server.toString().length() - 1)
                : server.toString();
        String text = String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: kmock",
                "  cluster:",
                "    server: " + url,
                "users:",
                "- name: kmock",
                "  user: {}",
                "contexts:",
                "- name: kmock",
                "  context:",
                "    cluster: kmock",
                "    user: kmock",
                "    namespace: default",
                "current-context: kmock",
                "");
        try {
            Path file = Files.createTempFile("kmock-kubeconfig-", ".yaml");
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return new KubeconfigFile(Files.writeString(file, text));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a kubeconfig for " + server + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary file the system cleans up anyway
        }
    }
}
