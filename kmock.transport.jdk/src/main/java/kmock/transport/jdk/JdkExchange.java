package kmock.transport.jdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import com.sun.net.httpserver.HttpExchange;

import kmock.api.Handler;
import kmock.api.Request;
import kmock.api.Response;
import kmock.internal.http.Replies;

/** One request on the JDK server: read it into a {@link Request}, ask the handler, write the {@link Response}. */
final class JdkExchange {

    private static final byte[] NO_BODY = new byte[0];

    private final HttpExchange exchange;
    private final long maxBodySize;
    private final SSLSession tls;
    private String contentLength;
    private boolean chunked;
    private String host;

    JdkExchange(HttpExchange exchange, long maxBodySize, SSLSession tls) {
        this.exchange = exchange;
        this.maxBodySize = maxBodySize;
        this.tls = tls;
    }

    void serve(Handler handler) {
        try {
            // HttpServer passes any third word of the request line as the version, so "GET /a b HTTP/1.1" would
            // reach the handler as a request for /a; Jetty refuses those lines itself.
            String protocol = exchange.getProtocol();
            if (!"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol)) {
                sendFixed(Replies.versionNotSupported(protocol));
                return;
            }
            Request.Builder builder = Request.builder().method(exchange.getRequestMethod());
            // One pass over the headers: the server keeps them under names it normalised ("Content-length"), and
            // each of its own lookups normalises the name again.
            for (Map.Entry<String, List<String>> header :
                    exchange.getRequestHeaders().entrySet()) {
                String name = header.getKey();
                for (String value : header.getValue()) {
                    builder.header(name, value);
                }
                if (!header.getValue().isEmpty()) {
                    if (name.equalsIgnoreCase("Content-Length")) {
                        contentLength = header.getValue().get(0);
                    } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                        chunked = true;
                    } else if (name.equalsIgnoreCase("Host")) {
                        host = header.getValue().get(0);
                    }
                }
            }
            byte[] body = readBody();
            if (body == null) {
                sendFixed(Replies.tooLarge(maxBodySize));
                return;
            }
            Request request = builder.url(url())
                    .body(body)
                    .clientCertificates(clientCertificates())
                    .build();
            Response response;
            try {
                response = handler.handle(request);
                if (response == null) {
                    throw new IllegalStateException("the handler returned no response");
                }
            } catch (Exception | Error e) {
                response = Replies.failure(e);
            }
            if (response.isStreaming()) {
                stream(response);
            } else {
                sendFixed(response);
            }
        } catch (IOException | RuntimeException disconnected) {
            // The client went away or the server is closing: nothing to answer to.
        } finally {
            exchange.close();
        }
    }

    /** The absolute URL: as sent for absolute-form (proxy) targets, else from the Host header. */
    private URI url() {
        URI target = exchange.getRequestURI();
        if (target.isAbsolute()) {
            return target;
        }
        String host = this.host;
        if (host == null || host.isBlank()) {
            host = exchange.getLocalAddress().getHostString() + ":"
                    + exchange.getLocalAddress().getPort();
            if (host.indexOf(':') != host.lastIndexOf(':')) {
                host = "[" + exchange.getLocalAddress().getHostString() + "]:"
                        + exchange.getLocalAddress().getPort();
            }
        }
        // The target as sent: URI would read "//api/v1/pods" (a base URL with a trailing slash plus a path) as
        // host "api" and path "/v1/pods", where a server sees a path.
        String sent = target.toString();
        int question = sent.indexOf('?');
        String raw = question < 0 ? sent : sent.substring(0, question);
        return URI.create((tls != null ? "https://" : "http://")
                + host
                + (raw.startsWith("/") ? raw : "/")
                + (question < 0 ? "" : sent.substring(question)));
    }

    /** The certificates the client presented over TLS, if any. */
    private List<X509Certificate> clientCertificates() {
        if (tls == null) {
            return List.of();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : tls.getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            return chain;
        } catch (SSLPeerUnverifiedException none) {
            return List.of();
        }
    }

    /**
     * The whole body, or {@code null} when it is over the limit. A declared length is read into an array of that
     * size; only a chunked body grows a buffer: most requests have no body, and a buffer per request would be most
     * of what serving them allocates.
     */
    private byte[] readBody() throws IOException {
        String declared = contentLength;
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException ignored) {
                // the server has already rejected it, or reads it as chunked
            }
        }
        if (length > maxBodySize || length > Integer.MAX_VALUE - 8) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            if (length == 0 || length < 0 && !chunked) {
                return NO_BODY;
            }
            if (length > 0) {
                return in.readNBytes((int) length);
            }
            return readChunked(in);
        }
    }

    private byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body.size() + (long) n > maxBodySize) {
                return null;
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private boolean bodyless(int status) {
        return exchange.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304 || status < 200;
    }

    private void copyHeaders(Map<String, List<String>> headers) {
        // Mutable copies: a streaming body may add values to a header the response already has.
        headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
    }

    private void sendFixed(Response response) throws IOException {
        copyHeaders(response.headers());
        byte[] body = response.body();
        if (bodyless(response.status()) || body.length == 0) {
            if (!bodyless(response.status())) {
                exchange.getResponseHeaders().set("Content-Length", "0");
            }
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void stream(Response response) throws IOException {
        Chunks chunks = new Chunks(response);
        try {
            response.stream().writeTo(chunks);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            if (!chunks.committed()) {
                sendFixed(Replies.failure(e));
                return;
            }
            // Committed: the client sees the stream cut short.
            return;
        }
        chunks.write(new byte[0]);
        chunks.out.close();
    }

    /** The streaming side of one response: status and headers until the first write, then chunks. */
    private final class Chunks implements Response.ChunkWriter {
        private int status;
        private OutputStream out;

        Chunks(Response response) {
            this.status = response.status();
            copyHeaders(response.headers());
        }

        @Override
        public synchronized void status(int status, String reason) {
            requireOpen();
            this.status = status;
        }

        @Override
        public synchronized void header(String name, String value) {
            requireOpen();
            exchange.getResponseHeaders().add(name, value);
        }

        @Override
        public synchronized void write(byte[] chunk) throws IOException {
            if (out == null) {
                exchange.sendResponseHeaders(status, bodyless(status) ? -1 : 0);
                out = exchange.getResponseBody();
            }
            if (chunk.length > 0 && !bodyless(status)) {
                out.write(chunk);
            }
            out.flush();
        }

        @Override
        public synchronized boolean committed() {
            return out != null;
        }

        private void requireOpen() {
            if (out != null) {
                throw new IllegalStateException(
                        "The response is committed: status and headers can change only before the first chunk");
            }
        }
    }
}
