package kmock.it.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;

/** What HTTPS adds to the contract: certificates by SNI, the CA as the only trust anchor, intercepted https URLs. */
@BothTransports
class HttpsContractTest {

    @Parameter
    String transport;

    private final List<Request> seen = new CopyOnWriteArrayList<>();

    private Server.Builder builder() {
        return Server.builder(request -> {
                    seen.add(request);
                    return Response.of(200, ("served " + request.url()).getBytes(StandardCharsets.UTF_8));
                })
                .transport(transport);
    }

    @Test
    void theUrlIsHttpsAndTheEmbeddedClientTrustsTheKmockCa() {
        try (Server server = builder().https().start()) {
            assertEquals("https", server.url().getScheme());
            assertEquals(200, server.client().get("/secure").status());
            assertEquals(URI.create(server.url() + "secure"), seen.get(0).url());
        }
    }

    @Test
    void sniChoosesTheCertificateOfEachInterceptedName() throws Exception {
        try (Server server = builder()
                .https()
                .hostnames("one.example.test", "two.example.test")
                .start()) {
            assertEquals(List.of("one.example.test"), namesPresentedFor(server, "one.example.test"));
            assertEquals(List.of("two.example.test"), namesPresentedFor(server, "two.example.test"));
        }
    }

    @Test
    void interceptedHttpsUrlsAreServedWithTheHostsOwnCertificate() {
        try (Server server =
                builder().hostnames("one.example.test", "two.example.test").start()) {
            assertEquals(
                    "served https://one.example.test/a",
                    server.client().get("https://one.example.test/a").text());
            assertEquals(
                    "served https://two.example.test/b",
                    server.client().get("https://two.example.test/b").text());
            assertEquals(
                    "served http://one.example.test/c",
                    server.client().get("http://one.example.test/c").text());
        }
    }

    @Test
    void aClientThatDoesNotTrustTheKmockCaFailsTheHandshake() {
        try (Server server = builder().https().start()) {
            HttpClient untrusting = HttpClient.newBuilder().build(); // the JDK's anchors only
            HttpRequest request = HttpRequest.newBuilder(server.url()).build();
            assertThrows(
                    SSLHandshakeException.class, () -> untrusting.send(request, HttpResponse.BodyHandlers.ofString()));
            assertTrue(seen.isEmpty());
        }
    }

    @Test
    void theCaIsTheIssuerAndComesAsPemAndTrustStore() throws Exception {
        try (Server server = builder().https().start()) {
            X509Certificate ca = server.certificateAuthority().certificate();
            assertTrue(server.certificateAuthority().pem().startsWith("-----BEGIN CERTIFICATE-----\n"));
            assertEquals(ca, server.certificateAuthority().trustStore().getCertificate("kmock-ca"));
            X509Certificate presented = presented(server, "localhost");
            presented.verify(ca.getPublicKey());
        }
    }

    private static List<String> namesPresentedFor(Server server, String sni) throws Exception {
        return presented(server, sni).getSubjectAlternativeNames().stream()
                .map(name -> (String) name.get(1))
                .toList();
    }

    /** The certificate the server presents to a TLS client that names {@code sni}. */
    private static X509Certificate presented(Server server, String sni) throws Exception {
        SSLContext fresh = SSLContext.getInstance("TLS"); // no session to resume: each handshake chooses anew
        fresh.init(null, new TrustManager[] {server.certificateAuthority().trustManager()}, null);
        try (SSLSocket socket = (SSLSocket) fresh.getSocketFactory().createSocket(server.host(), server.port())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(sni)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
