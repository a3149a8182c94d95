package kmock.api;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The embedded HTTP client of a server: relative URLs resolve against the server, and requests to intercepted
 * hosts go to it too, with no DNS. Every call returns a fully read {@link KResponse}, or a {@link KStream} to
 * read a streaming response as it comes.
 *
 * <p>A {@code byte[]} body is sent raw; any other non-null body is sent as JSON (a {@code String} too, with
 * quotes, as in the Python original). Network failures surface as {@link java.io.UncheckedIOException}.
 * Thread-safe.
 *
 * @since 0.1
 */
public interface Client extends AutoCloseable {

    /** Sends a request and reads the whole response. */
    KResponse request(String method, String url, Object body, Map<String, String> headers);

    /** Sends a request and returns once the response headers arrived; closing the stream disconnects. */
    KStream stream(String method, String url, Object body, Map<String, String> headers);

    /** The underlying client: {@code java.net.http.HttpClient} or Jetty's {@code HttpClient}. */
    <T> T unwrap(Class<T> type);

    /** Releases the client's connections and threads. */
    @Override
    void close();

    /** {@code GET}. */
    default KResponse get(String url) {
        return request("GET", url, null, Map.of());
    }

    /** {@code GET} with headers. */
    default KResponse get(String url, Map<String, String> headers) {
        return request("GET", url, null, headers);
    }

    /** {@code HEAD}. */
    default KResponse head(String url) {
        return request("HEAD", url, null, Map.of());
    }

    /** {@code HEAD} with headers. */
    default KResponse head(String url, Map<String, String> headers) {
        return request("HEAD", url, null, headers);
    }

    /** {@code OPTIONS}. */
    default KResponse options(String url) {
        return request("OPTIONS", url, null, Map.of());
    }

    /** {@code OPTIONS} with headers. */
    default KResponse options(String url, Map<String, String> headers) {
        return request("OPTIONS", url, null, headers);
    }

    /** {@code DELETE}. */
    default KResponse delete(String url) {
        return request("DELETE", url, null, Map.of());
    }

    /** {@code DELETE} with headers. */
    default KResponse delete(String url, Map<String, String> headers) {
        return request("DELETE", url, null, headers);
    }

    /** {@code POST} of a body: {@code byte[]} raw, anything else as JSON. */
    default KResponse post(String url, Object body) {
        return request("POST", url, body, Map.of());
    }

    /** {@code POST} of a body with headers. */
    default KResponse post(String url, Object body, Map<String, String> headers) {
        return request("POST", url, body, headers);
    }

    /** {@code PUT} of a body: {@code byte[]} raw, anything else as JSON. */
    default KResponse put(String url, Object body) {
        return request("PUT", url, body, Map.of());
    }

    /** {@code PUT} of a body with headers. */
    default KResponse put(String url, Object body, Map<String, String> headers) {
        return request("PUT", url, body, headers);
    }

    /** {@code PATCH} of a body: {@code byte[]} raw, anything else as JSON (a merge patch for Kubernetes handlers). */
    default KResponse patch(String url, Object body) {
        return request("PATCH", url, body, Map.of());
    }

    /** {@code PATCH} of a body with headers. */
    default KResponse patch(String url, Object body, Map<String, String> headers) {
        return request("PATCH", url, body, headers);
    }

    /** A streaming request with no body: {@code try (KStream s = client.stream("GET", "/path?watch=true")) {...}}. */
    default KStream stream(String method, String url) {
        return stream(method, url, null, Map.of());
    }

    /**
     * What an embedded client is made with: the server's base URL, the interception of its hosts, timeouts and
     * the user agent. Immutable; derive variants with the {@code with…} methods.
     *
     * @param baseUrl        the server's URL; relative request URLs resolve against it
     * @param interception   the hosts and ports sent to the server
     * @param connectTimeout the connect timeout
     * @param timeout        the whole-request timeout of fully read requests (streams have none)
     * @param userAgent      the {@code User-Agent} header
     * @param sslContext     the TLS context of HTTPS requests; {@code null} means one that trusts the JDK's default
     *                       anchors and the {@link CertificateAuthority KMock CA}
     */
    record Options(
            URI baseUrl,
            Interception interception,
            Duration connectTimeout,
            Duration timeout,
            String userAgent,
            SSLContext sslContext) {

        /** Options with defaults: 10 s to connect, 60 s per request, user agent {@code kmock}. */
        public Options {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(interception, "interception");
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
            userAgent = userAgent == null ? "kmock" : userAgent;
        }

        /** Options with the default TLS context. */
        public Options(
                URI baseUrl, Interception interception, Duration connectTimeout, Duration timeout, String userAgent) {
            this(baseUrl, interception, connectTimeout, timeout, userAgent, null);
        }

        /** The same options with another per-request timeout. */
        public Options withTimeout(Duration timeout) {
            return new Options(baseUrl, interception, connectTimeout, timeout, userAgent, sslContext);
        }

        /** The same options with another connect timeout. */
        public Options withConnectTimeout(Duration connectTimeout) {
            return new Options(baseUrl, interception, connectTimeout, timeout, userAgent, sslContext);
        }

        /** The same options with another user agent. */
        public Options withUserAgent(String userAgent) {
            return new Options(baseUrl, interception, connectTimeout, timeout, userAgent, sslContext);
        }

        /** The same options with another TLS context, for servers whose certificates the KMock CA did not issue. */
        public Options withSslContext(SSLContext sslContext) {
            return new Options(baseUrl, interception, connectTimeout, timeout, userAgent, sslContext);
        }

        /** The TLS context to use: the given one, or one trusting the JDK's anchors and the KMock CA. */
        public SSLContext tls() {
            return sslContext != null ? sslContext : CertificateAuthority.jvm().sslContext();
        }
    }
}
