package kmock.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The parts of a kubeconfig that reaching a cluster needs: the current (or named) context's server, bearer token,
 * client certificate and key, and CA certificates, inline ({@code *-data}) or from files.
 *
 * @param server   the API server URL
 * @param token    a bearer token, or {@code null}
 * @param caPem    PEM CA certificates, or {@code null} for the JDK's trust store
 * @param certPem  the PEM client certificate chain, or {@code null}
 * @param keyPem   the PEM client key, or {@code null}
 * @param insecure whether to skip TLS verification
 */
public record Kubeconfig(String server, String token, String caPem, String certPem, String keyPem, boolean insecure) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The kubeconfig of {@code $KUBECONFIG} (its first file) or {@code ~/.kube/config}. */
    public static Path defaultPath() {
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    /** Reads a context (the current one when {@code context} is null). @throws IllegalArgumentException when incomplete */
    public static Kubeconfig load(Path file, String context) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kubeconfig at " + file + ": pass --server URL or --kubeconfig FILE");
        }
        Map<?, ?> root = YAML.readValue(file.toFile(), Map.class);
        Path base = file.toAbsolutePath().getParent();
        String contextName = context != null ? context : (String) root.get("current-context");
        if (contextName == null) {
            throw new IllegalArgumentException(file + " has no current-context: pass --context NAME");
        }
        Map<?, ?> ctx = named(root, "contexts", "context", contextName, file);
        Map<?, ?> cluster = named(root, "clusters", "cluster", (String) ctx.get("cluster"), file);
        Map<?, ?> user =
                ctx.get("user") == null ? Map.of() : named(root, "users", "user", (String) ctx.get("user"), file);
        String server = (String) cluster.get("server");
        if (server == null) {
            throw new IllegalArgumentException(file + ": cluster of context " + contextName + " has no server");
        }
        String token = (String) user.get("token");
        if (token == null && user.get("tokenFile") instanceof String tokenFile) {
            token = Files.readString(base.resolve(tokenFile)).trim();
        }
        return new Kubeconfig(
                server,
                token,
                pem(cluster, "certificate-authority", base),
                pem(user, "client-certificate", base),
                pem(user, "client-key", base),
                Boolean.TRUE.equals(cluster.get("insecure-skip-tls-verify")));
    }

    private static String pem(Map<?, ?> section, String key, Path base) throws IOException {
        if (section.get(key + "-data") instanceof String data) {
            return new String(Base64.getMimeDecoder().decode(data), StandardCharsets.US_ASCII);
        }
        if (section.get(key) instanceof String path) {
            return Files.readString(base.resolve(path), StandardCharsets.US_ASCII);
        }
        return null;
    }

    private static Map<?, ?> named(Map<?, ?> root, String list, String field, String name, Path file) {
        if (root.get(list) instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map
                        && name != null
                        && name.equals(map.get("name"))
                        && map.get(field) instanceof Map<?, ?> value) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException(file + ": no " + field + " named '" + name + "'");
    }
}
