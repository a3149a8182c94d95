package kmock.internal.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import kmock.handlers.KubernetesScaffold;

/** The emulator's {@code kubeconfig()} in a file of its own for one test: written on demand, deleted with the test. */
final class KubeconfigFile implements AutoCloseable {

    private final Path path;

    private KubeconfigFile(Path path) {
        this.path = path;
    }

    /** Writes the handler's kubeconfig (its server, namespace {@code default}) to a new private temporary file. */
    static KubeconfigFile write(KubernetesScaffold handler) {
        try {
            Path file = Files.createTempFile("kmock-kubeconfig-", ".yaml");
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return new KubeconfigFile(handler.kubeconfig(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a kubeconfig for the test's server: " + e.getMessage(), e);
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
