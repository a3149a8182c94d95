package kmock.internal.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import kmock.api.Client;
import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.internal.json.Json;

/**
 * What every transport's embedded client shares: URL resolution against the server, body encoding (raw bytes or
 * JSON), default headers and the mapping of I/O failures. Transports implement only the two wire calls.
 */
public abstract class BaseClient implements Client {

    protected final Client.Options options;

    protected BaseClient(Client.Options options) {
        this.options = options;
    }

    /** Sends an encoded request and reads the whole response. */
    protected abstract KResponse send(String method, URI url, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException;

    /** Sends an encoded request and returns once the response headers arrived. */
    protected abstract KStream open(String method, URI url, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException;

    @Override
    public final KResponse request(String method, String url, Object body, Map<String, String> headers) {
        Map<String, String> all = headersFor(body, headers);
        try {
            return send(method.toUpperCase(java.util.Locale.ROOT), resolve(url), encode(body), all);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException(method + " " + url + " interrupted"));
        }
    }

    @Override
    public final KStream stream(String method, String url, Object body, Map<String, String> headers) {
        Map<String, String> all = headersFor(body, headers);
        try {
            return open(method.toUpperCase(java.util.Locale.ROOT), resolve(url), encode(body), all);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException(method + " " + url + " interrupted"));
        }
    }

    /** A relative URL resolved against the server; an absolute one as it is. */
    public URI resolve(String url) {
        URI uri = URI.create(url);
        return uri.isAbsolute() ? uri : options.baseUrl().resolve(uri);
    }

    /** Whether a request to this URL goes to the local server instead of the network. */
    protected boolean intercepted(URI url) {
        return intercepted(options, url);
    }

    /**
     * The same for given options, for parts of a transport's client that must not hold the client itself (the JDK
     * client's proxy selector: its selector thread would keep the client reachable, and so alive, for ever).
     */
    protected static boolean intercepted(Client.Options options, URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return options.interception().intercepts(url.getHost(), port);
    }

    private static byte[] encode(Object body) {
        if (body == null) {
            return null;
        }
        return body instanceof byte[] bytes ? bytes : Json.write(body);
    }

    private Map<String, String> headersFor(Object body, Map<String, String> given) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("User-Agent", options.userAgent());
        if (body != null && !(body instanceof byte[])) {
            all.put("Content-Type", "application/json");
        }
        if (given != null) {
            given.forEach((name, value) -> {
                all.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
                all.put(name, value);
            });
        }
        return all;
    }
}
