package kmock.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kmock.internal.tls.Pem;

/**
 * Kubeconfigs both ways: serve --kubeconfig writes one that reaches the server it runs, and Kubeconfig reads what
 * fetch resources needs from one (server, token, certificates inline or in files).
 */
class KubeconfigTest {

    private static final String CA = "-----BEGIN CERTIFICATE-----\nQ0E=\n-----END CERTIFICATE-----\n";
    private static final String CERT = "-----BEGIN CERTIFICATE-----\nY2VydA==\n-----END CERTIFICATE-----\n";
    private static final String KEY = "-----BEGIN EC PRIVATE KEY-----\na2V5\n-----END EC PRIVATE KEY-----\n";

    @TempDir
    Path dir;

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private Path kubeconfig(String... lines) throws Exception {
        return Files.writeString(dir.resolve("config"), String.join("\n", lines) + "\n");
    }

    @Test
    void theCurrentContextsServerTokenAndInlineCertificatesAreRead() throws Exception {
        Path file = kubeconfig(
                "apiVersion: v1",
                "kind: Config",
                "current-context: dev",
                "contexts: [{name: dev, context: {cluster: c, user: u}}]",
                "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:6443', certificate-authority-data: "
                        + base64(CA) + "}}]",
                "users: [{name: u, user: {token: s3cret, client-certificate-data: " + base64(CERT)
                        + ", client-key-data: " + base64(KEY) + "}}]");
        assertEquals(
                new Kubeconfig("https://127.0.0.1:6443", "s3cret", CA, CERT, KEY, false), Kubeconfig.load(file, null));
    }

    @Test
    void certificatesAndTheTokenFileAreReadBesideTheKubeconfig() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), CA);
        Files.writeString(dir.resolve("client.pem"), CERT);
        Files.writeString(dir.resolve("client.key"), KEY);
        Files.writeString(dir.resolve("token"), "s3cret\n");
        Path file = kubeconfig(
                "current-context: dev",
                "contexts: [{name: dev, context: {cluster: c, user: u}}]",
                "clusters: [{name: c, cluster: {server: 'https://cluster:6443', certificate-authority: ca.pem}}]",
                "users: [{name: u, user: {tokenFile: token, client-certificate: client.pem, client-key: client.key}}]");
        assertEquals(
                new Kubeconfig("https://cluster:6443", "s3cret", CA, CERT, KEY, false), Kubeconfig.load(file, null));
    }

    @Test
    void aNamedContextIsReadInsteadOfTheCurrentOne() throws Exception {
        Path file = kubeconfig(
                "current-context: dev",
                "contexts: [{name: dev, context: {cluster: dev}}, {name: prod, context: {cluster: prod}}]",
                "clusters: [{name: dev, cluster: {server: 'http://dev'}}, {name: prod, cluster: {server: 'http://prod'}}]");
        assertEquals("http://prod", Kubeconfig.load(file, "prod").server());
        assertNull(Kubeconfig.load(file, "prod").token(), "a context without a user has no credentials");
    }

    @Test
    void skippingTlsVerificationIsRead() throws Exception {
        Path file = kubeconfig(
                "current-context: dev",
                "contexts: [{name: dev, context: {cluster: c}}]",
                "clusters: [{name: c, cluster: {server: 'https://c', insecure-skip-tls-verify: true}}]");
        assertTrue(Kubeconfig.load(file, null).insecure());
    }

    @Test
    void aMissingKubeconfigNamesTheFlagsThatReplaceIt() {
        Path missing = dir.resolve("absent");
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Kubeconfig.load(missing, null));
        assertEquals("no kubeconfig at " + missing + ": pass --server URL or --kubeconfig FILE", refused.getMessage());
    }

    @Test
    void aKubeconfigWithoutCurrentContextAsksForOne() throws Exception {
        Path file = kubeconfig("clusters: []");
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Kubeconfig.load(file, null));
        assertEquals(file + " has no current-context: pass --context NAME", refused.getMessage());
    }

    @Test
    void anUnknownContextOrClusterIsNamed() throws Exception {
        Path file = kubeconfig(
                "current-context: dev",
                "contexts: [{name: dev, context: {cluster: gone}}]",
                "clusters: [{name: c, cluster: {server: 'http://c'}}]");
        assertEquals(
                file + ": no context named 'staging'",
                assertThrows(IllegalArgumentException.class, () -> Kubeconfig.load(file, "staging"))
                        .getMessage());
        assertEquals(
                file + ": no cluster named 'gone'",
                assertThrows(IllegalArgumentException.class, () -> Kubeconfig.load(file, null))
                        .getMessage());
    }

    @Test
    void aClusterWithoutServerIsNamedByItsContext() throws Exception {
        Path file = kubeconfig(
                "current-context: dev",
                "contexts: [{name: dev, context: {cluster: c}}]",
                "clusters: [{name: c, cluster: {insecure-skip-tls-verify: true}}]");
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Kubeconfig.load(file, null));
        assertEquals(file + ": cluster of context dev has no server", refused.getMessage());
    }

    @Test
    void serveWritesAKubeconfigOfItsUrlWithoutCredentialsWhenAuthenticationIsOff() throws Exception {
        Path file = dir.resolve("written");
        try (Serving serving = Serving.start("--port", "0", "--kubeconfig", file.toString())) {
            Kubeconfig written = Kubeconfig.load(file, null);
            assertEquals(serving.url(), java.net.URI.create(written.server() + "/"));
            assertEquals(new Kubeconfig(written.server(), null, null, null, null, false), written);
        }
    }

    @Test
    void overPlainHttpTheWrittenKubeconfigCarriesTheFirstUsersToken() throws Exception {
        Path file = dir.resolve("written");
        try (Serving serving = Serving.start(
                "--port", "0", "--token", "alice=s3cret", "--token", "bob=b0b", "--kubeconfig", file.toString())) {
            Kubeconfig written = Kubeconfig.load(file, null);
            assertEquals("s3cret", written.token());
            assertEquals(
                    200,
                    serving.get("/api", "Authorization", "Bearer " + written.token())
                            .statusCode());
        }
    }

    @Test
    void overTlsTheWrittenKubeconfigCarriesTheCaAndAnAdminCertificateThatTheServerAccepts() throws Exception {
        Path file = dir.resolve("sub").resolve("dir").resolve("config");
        try (Serving serving =
                Serving.start("--port", "0", "--tls", "--token", "alice=s3cret", "--kubeconfig", file.toString())) {
            Kubeconfig written = Kubeconfig.load(file, null);
            assertTrue(written.server().startsWith("https://127.0.0.1:"), written.server());
            assertNotNull(written.caPem());
            assertNotNull(written.certPem());
            assertNotNull(written.keyPem());
            assertFalse(written.insecure());
            assertNull(written.token(), "the administrator's credential is its certificate");
            var response = serving.get(
                    Pem.context(written.caPem(), written.certPem(), written.keyPem(), false), "/api/v1/namespaces");
            assertEquals(200, response.statusCode(), response.body());
        }
    }
}
