package kmock.it.intercept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import okhttp3.OkHttpClient;

import kmock.api.Response;
import kmock.api.Server;
import kmock.it.transport.TransportsAndSchemes;

/**
 * {@code Server.Builder#interceptJvm(true)} reaches the application's own clients, built on their defaults, for
 * {@code http} and {@code https} URLs. "The network" is a second KMock server that the JVM reaches as its HTTP
 * proxy (system properties, as a corporate proxy would be set), so a request that escapes interception lands
 * there and says so, instead of leaving the machine.
 */
@TransportsAndSchemes
@SuppressWarnings("try") // the intercepting servers are held open by try while other clients reach them by name
class JvmInterceptionTest {

    private static final List<String> PROXY_PROPERTIES =
            List.of("http.proxyHost", "http.proxyPort", "https.proxyHost", "https.proxyPort");

    // Servers started by hand, not by KMockExtension: tests open and close intercepting servers to see what the JVM
    // does while they run and after, beside a proxy server that stands for the network.
    @Parameter(0)
    String transport;

    @Parameter(1)
    String scheme;

    private Server network;
    private final Map<String, String> savedProperties = new java.util.HashMap<>();

    @BeforeEach
    void theNetworkIsAProxyServer() {
        network = Server.builder(request -> text("network " + request.url()))
                .transport(transport)
                .hostnames("other.example.test")
                .start();
        InetSocketAddress proxy = (InetSocketAddress) network.proxy().address();
        for (String property : PROXY_PROPERTIES) {
            savedProperties.put(property, System.getProperty(property));
            System.setProperty(
                    property, property.endsWith("Host") ? proxy.getHostString() : String.valueOf(proxy.getPort()));
        }
    }

    @AfterEach
    void restoreTheNetwork() {
        savedProperties.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
        network.close();
    }

    private Server app(String host) {
        return Server.builder(request -> text("app " + request.url()))
                .transport(transport)
                .hostnames(host)
                .interceptJvm(true)
                .start();
    }

    private static Response text(String body) {
        return Response.of(200, body.getBytes(StandardCharsets.UTF_8));
    }

    private String url(String host, String path) {
        return scheme + "://" + host + path;
    }

    @Test
    void javaHttpClientBuiltAfterTheServerStartedIsIntercepted() throws Exception {
        try (Server app = app("api.example.test")) {
            HttpClient client = HttpClient.newHttpClient();
            assertEquals(
                    "200 app " + url("api.example.test", "/jdk"),
                    AppClients.javaHttp(client, url("api.example.test", "/jdk")));
        }
    }

    @Test
    void httpUrlConnectionIsIntercepted() throws Exception {
        try (Server app = app("api.example.test")) {
            assertEquals(
                    "200 app " + url("api.example.test", "/legacy"),
                    AppClients.urlConnection(url("api.example.test", "/legacy")));
        }
    }

    @Test
    void okHttpIsIntercepted() throws Exception {
        try (Server app = app("api.example.test")) {
            OkHttpClient client = new OkHttpClient();
            assertEquals(
                    "200 app " + url("api.example.test", "/ok"),
                    AppClients.okhttp(client, url("api.example.test", "/ok")));
        }
    }

    @Test
    void apacheHttpClientInSystemPropertiesModeIsIntercepted() throws Exception {
        try (Server app = app("api.example.test");
                CloseableHttpClient client = HttpClients.createSystem()) {
            assertEquals(
                    "200 app " + url("api.example.test", "/apache"),
                    AppClients.apache(client, url("api.example.test", "/apache")));
        }
    }

    @Test
    void aHostThatIsNotInterceptedKeepsTheRouteItHad() throws Exception {
        try (Server app = app("api.example.test")) {
            HttpClient client = HttpClient.newHttpClient();
            assertEquals(
                    "200 network " + url("other.example.test", "/elsewhere"),
                    AppClients.javaHttp(client, url("other.example.test", "/elsewhere")));
            assertEquals(
                    "200 network " + url("other.example.test", "/old"),
                    AppClients.urlConnection(url("other.example.test", "/old")));
        }
    }

    @Test
    void closingRestoresTheJvmDefaults() throws Exception {
        ProxySelector selector = ProxySelector.getDefault();
        SSLContext context = SSLContext.getDefault();
        SSLSocketFactory factory = HttpsURLConnection.getDefaultSSLSocketFactory();
        try (Server app = app("other.example.test")) {
            assertEquals(
                    "200 app " + url("other.example.test", "/"),
                    AppClients.urlConnection(url("other.example.test", "/")));
        }
        assertSame(selector, ProxySelector.getDefault());
        assertSame(context, SSLContext.getDefault());
        assertSame(factory, HttpsURLConnection.getDefaultSSLSocketFactory());
        assertNull(Security.getProvider("KMock"), "the trust provider is removed");
        if (scheme.equals("http")) {
            assertEquals(
                    "200 network " + url("other.example.test", "/"),
                    AppClients.urlConnection(url("other.example.test", "/")),
                    "the host goes back to its own route");
        }
    }

    @Test
    void twoServersInterceptTheirOwnHostsInParallel() throws Exception {
        List<String> seenByA = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Server a = Server.builder(request -> {
                            seenByA.add(request.url().getHost());
                            return text("a");
                        })
                        .transport(transport)
                        .hostnames("a.example.test")
                        .interceptJvm(true)
                        .start();
                Server b = app("b.example.test")) {
            HttpClient client = HttpClient.newHttpClient();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    boolean toA = i % 2 == 0;
                    String url = url(toA ? "a.example.test" : "b.example.test", "/" + i);
                    calls.add(() -> AppClients.javaHttp(client, url).equals(toA ? "200 a" : "200 app " + url));
                }
                for (Future<Boolean> answer : pool.invokeAll(calls)) {
                    assertTrue(answer.get(), "each host is answered by its own server");
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(20, seenByA.size());
        assertTrue(seenByA.stream().allMatch("a.example.test"::equals), seenByA.toString());
    }
}
