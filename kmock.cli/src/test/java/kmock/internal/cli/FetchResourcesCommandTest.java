package kmock.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kmock.api.Resource;
import kmock.api.Server;
import kmock.handlers.KubernetesEmulator;
import kmock.handlers.KubernetesScaffold;
import kmock.handlers.ResourcesArray;

/**
 * fetch resources against a real KMock emulator on loopback: what it writes is what {@code resources().loadPath}
 * reads back, for the group-versions its globs keep, over HTTP or TLS, with a token or a client certificate.
 */
class FetchResourcesCommandTest {

    @TempDir
    Path dir;

    private KubernetesEmulator cluster;
    private Server server;

    @BeforeEach
    void startCluster() {
        cluster = new KubernetesEmulator();
        cluster.resources().loadBundled();
    }

    @AfterEach
    void stopCluster() {
        if (server != null) {
            server.close();
        }
        cluster.close();
    }

    /** Serves the cluster over plain HTTP, or over TLS with the KMock CA. */
    private String serve(boolean tls) {
        Server.Builder builder = Server.builder(cluster);
        server = (tls ? builder.https() : builder).start();
        return server.url().toString();
    }

    /** Runs the command; returns what it printed on standard output and standard error. */
    private static List<String> fetch(String... args) throws Exception {
        CapturedOutput out = new CapturedOutput();
        CapturedOutput err = new CapturedOutput();
        FetchResourcesCommand.run(List.of(args), out.stream(), err.stream());
        return List.of(out.text(), err.text());
    }

    /** Every resource a catalog declares, with its description, keyed by resource. */
    private static Map<Resource, Map<String, Object>> described(ResourcesArray catalog, GroupFilter kept) {
        Map<Resource, Map<String, Object>> described = new LinkedHashMap<>();
        for (Resource resource : catalog.keys()) {
            if (kept.keeps(resource.group(), resource.version())) {
                described.put(resource, catalog.get(resource).toMap());
            }
        }
        return described;
    }

    private static ResourcesArray loaded(Path dump) {
        KubernetesScaffold reader = new KubernetesScaffold();
        try (reader) {
            return reader.resources().loadPath(dump);
        }
    }

    private static Set<String> groupVersions(ResourcesArray catalog) {
        return catalog.keys().stream().map(Resource::apiVersion).collect(Collectors.toSet());
    }

    @Test
    void theDumpLoadsBackAsTheSameCatalogForTheDefaultGroups() throws Exception {
        Path dump = dir.resolve("resources.json");
        fetch("--server", serve(false), "-o", dump.toString());
        GroupFilter defaults = GroupFilter.of(List.of());
        Map<Resource, Map<String, Object>> expected = described(cluster.resources(), defaults);
        assertTrue(expected.size() > 50, "the bundled catalog's default groups: " + expected.size());
        assertEquals(expected, described(loaded(dump), defaults));
    }

    @Test
    void aNameEndingInGzWritesGzipThatLoadsBackTheSame() throws Exception {
        Path plain = dir.resolve("resources.json");
        Path gzip = dir.resolve("resources.json.gz");
        String url = serve(false);
        fetch("--server", url, "-o", plain.toString());
        fetch("--server", url, "-o", gzip.toString());
        byte[] head = Files.readAllBytes(gzip);
        assertTrue((head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b, "gzip's magic number");
        GroupFilter all = GroupFilter.of(List.of("include=*"));
        assertEquals(described(loaded(plain), all), described(loaded(gzip), all));
    }

    @Test
    void withoutAnOutputFileTheDumpGoesToStandardOutputAndTheCountToStandardError() throws Exception {
        String url = serve(false);
        List<String> printed = fetch("--server", url, "--include", "apps");
        JsonNode dump = new ObjectMapper().readTree(printed.get(0));
        List<String> fetched = new ArrayList<>();
        dump.forEach(list -> fetched.add(list.at("/groupVersion").asText()));
        assertEquals(List.of("apps/v1"), fetched);
        assertEquals("Fetched 1 group-versions from " + url + "\n", printed.get(1));
    }

    @Test
    void theGlobsChooseTheGroupVersionsFetchedTheLastMatchDeciding() throws Exception {
        Path dump = dir.resolve("resources.json");
        String url = serve(false);
        fetch(
                "--server",
                url,
                "-o",
                dump.toString(),
                "--include",
                "*/v1",
                "--exclude",
                "core",
                "--include",
                "autoscaling/v2");
        Set<String> fetched = groupVersions(loaded(dump));
        assertTrue(fetched.containsAll(List.of("apps/v1", "autoscaling/v1", "autoscaling/v2")), fetched.toString());
        assertFalse(fetched.contains("v1"), fetched.toString());
        assertEquals(
                List.of("autoscaling/v2"),
                fetched.stream().filter(gv -> !gv.endsWith("/v1")).toList(),
                fetched.toString());
    }

    @Test
    void aTokenIsSentToAClusterThatRequiresOne() throws Exception {
        cluster.users().token("alice", "s3cret").required(true);
        String url = serve(false);
        Path dump = dir.resolve("resources.json");
        fetch("--server", url, "--token", "s3cret", "-o", dump.toString());
        assertTrue(groupVersions(loaded(dump)).contains("apps/v1"));
        IOException refused = assertThrows(IOException.class, () -> fetch("--server", url, "-o", dump.toString()));
        assertEquals("GET " + url + "api answered 401", refused.getMessage());
    }

    @Test
    void aKubeconfigReachesAClusterOverTlsWithItsCaAndClientCertificate() throws Exception {
        cluster.users().token("alice", "s3cret").required(true);
        serve(true);
        Path kubeconfig = cluster.kubeconfig(dir.resolve("config"));
        Path dump = dir.resolve("resources.json");
        fetch("--kubeconfig", kubeconfig.toString(), "-o", dump.toString());
        assertTrue(groupVersions(loaded(dump)).contains("apps/v1"));
    }

    @Test
    void aServerThatIsNoUrlIsRefusedWithTheSchemesItTakes() {
        UsageException refused = assertThrows(UsageException.class, () -> fetch("--server", "localhost:6443"));
        assertEquals("--server must be an http:// or https:// URL, got 'localhost:6443'", refused.getMessage());
    }
}
