package kmock.internal.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import kmock.internal.tls.Pem;

/**
 * {@code fetch resources}: reads a cluster's discovery ({@code /api}, {@code /apis} and each kept group-version's
 * {@code APIResourceList}) and writes the JSON array that {@code resources().loadPath} reads, gzip-compressed when
 * the file name ends in {@code .gz}.
 */
public final class FetchResourcesCommand {

    /** The flags and what they do, for the usage text. */
    public static final String USAGE = String.join(
            "\n",
            "  fetch resources [-o FILE|-o FILE.gz] [--include G[/V]]... [--exclude G[/V]]...",
            "        [--server URL] [--kubeconfig FILE] [--context NAME] [--token TOKEN]",
            "      Dumps a cluster's discovery (the current kubeconfig context's server, or --server URL).",
            "      Globs apply left to right, the last match deciding; without --include the defaults are",
            "      core, apps, autoscaling, batch, policy and *.k8s.io. Standard output when no -o is given.");

    /** Made on first use: the usage text loads this class, and {@code serve} starts faster without a second mapper. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private FetchResourcesCommand() {}

    /** Fetches and writes. */
    public static void run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments flags = Arguments.parse(
                args,
                Set.of("output", "include", "exclude", "server", "kubeconfig", "context", "token"),
                Set.of("insecure-skip-tls-verify"),
                Map.of("o", "output"));
        Kubeconfig target = target(flags);
        GroupFilter filter = GroupFilter.of(flags.ordered());
        HttpClient.Builder builder =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
        if (target.server().startsWith("https:")) {
            SSLContext tls = Pem.context(target.caPem(), target.certPem(), target.keyPem(), target.insecure());
            builder.sslContext(tls);
        }
        HttpClient http = builder.build();
        URI base = URI.create(target.server().endsWith("/") ? target.server() : target.server() + "/");
        List<Object> documents = new ArrayList<>();
        for (String groupVersion : groupVersions(http, base, target.token())) {
            int slash = groupVersion.indexOf('/');
            String group = slash < 0 ? "" : groupVersion.substring(0, slash);
            String version = groupVersion.substring(slash + 1);
            if (filter.keeps(group, version)) {
                String path = group.isEmpty() ? "api/" + version : "apis/" + groupVersion;
                documents.add(get(http, base.resolve(path), target.token()));
            }
        }
        write(documents, flags.get("output", "-"), out);
        err.println("Fetched " + documents.size() + " group-versions from " + base);
    }

    private static Kubeconfig target(Arguments flags) throws IOException, UsageException {
        String server = flags.get("server", null);
        boolean insecure = flags.has("insecure-skip-tls-verify");
        if (server != null) {
            if (!server.startsWith("http://") && !server.startsWith("https://")) {
                throw new UsageException("--server must be an http:// or https:// URL, got '" + server + "'");
            }
            return new Kubeconfig(server, flags.get("token", null), null, null, null, insecure);
        }
        Path file = flags.has("kubeconfig") ? Path.of(flags.get("kubeconfig", null)) : Kubeconfig.defaultPath();
        Kubeconfig config = Kubeconfig.load(file, flags.get("context", null));
        String token = flags.get("token", config.token());
        return new Kubeconfig(
                config.server(),
                token,
                config.caPem(),
                config.certPem(),
                config.keyPem(),
                config.insecure() || insecure);
    }

    private static Set<String> groupVersions(HttpClient http, URI base, String token)
            throws IOException, InterruptedException {
        Set<String> found = new LinkedHashSet<>();
        for (Object version : (List<?>) get(http, base.resolve("api"), token).getOrDefault("versions", List.of())) {
            found.add((String) version);
        }
        for (Object group : (List<?>) get(http, base.resolve("apis"), token).getOrDefault("groups", List.of())) {
            for (Object version : (List<?>) ((Map<?, ?>) group).get("versions")) {
                found.add((String) ((Map<?, ?>) version).get("groupVersion"));
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(HttpClient http, URI uri, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return (Map<String, Object>) Mapper.JSON.readValue(response.body(), Map.class);
    }

    private static void write(List<Object> documents, String output, PrintStream out) throws IOException {
        if (output.equals("-")) {
            out.write(Mapper.JSON.writeValueAsBytes(documents));
            out.println();
            out.flush();
            return;
        }
        Path file = Path.of(output);
        try (OutputStream stream = output.endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            stream.write(Mapper.JSON.writeValueAsBytes(documents));
        }
    }
}
