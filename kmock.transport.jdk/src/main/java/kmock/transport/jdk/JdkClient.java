package kmock.transport.jdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import kmock.api.Client;
import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.internal.client.BaseClient;
import kmock.internal.client.BufferedKStream;

/**
 * The embedded client on {@code java.net.http}: HTTP/1.1 only (the default HTTP/2 setting sends an {@code h2c}
 * upgrade with every plain request), and intercepted hosts reach the server as through a proxy, with no DNS
 * ({@code https} ones through a {@code CONNECT} tunnel, so the server sees the host in SNI).
 */
final class JdkClient extends BaseClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        RESTRICTED.addAll(List.of("Host", "Content-Length", "Connection", "Expect", "Upgrade"));
    }

    private final ExecutorService executor;
    private final HttpClient http;
    private final Set<BufferedKStream> streams = ConcurrentHashMap.newKeySet();
    /** Exchanges waiting for their response headers: closing the client cancels them instead of leaving them hung. */
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

    JdkClient(Client.Options options) {
        super(options);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "kmock-jdk-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(new Interceptor(options))
                .sslContext(options.tls())
                .executor(executor)
                .build();
    }

    @Override
    protected KResponse send(String method, URI url, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = await(http.sendAsync(
                request(method, url, body, headers).timeout(options.timeout()).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        return new KResponse(response.statusCode(), null, response.headers().map(), response.body());
    }

    @Override
    protected KStream open(String method, URI url, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpResponse<BufferedKStream> response =
                await(http.sendAsync(request(method, url, body, headers).build(), StreamSubscriber::new));
        BufferedKStream stream = response.body();
        streams.add(stream);
        return stream;
    }

    /**
     * The response of an exchange, as {@code HttpClient.send} would give it, but cancelled when the client closes:
     * without its executor the JDK client would never complete it, and the caller would wait for its timeout.
     */
    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> exchange)
            throws IOException, InterruptedException {
        inFlight.add(exchange);
        try {
            return exchange.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException failure ? failure : new IOException(e.getCause());
        } catch (CancellationException e) {
            throw new IOException("The KMock client was closed while the request was in flight", e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } finally {
            inFlight.remove(exchange);
        }
    }

    private static HttpRequest.Builder request(String method, URI url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name)) {
                request.header(name, value);
            }
        });
        return request;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(http)) {
            return type.cast(http);
        }
        throw new IllegalArgumentException(
                "The JDK transport's client is a java.net.http.HttpClient, not " + type.getName());
    }

    @Override
    public void close() {
        inFlight.forEach(exchange -> exchange.cancel(true));
        executor.shutdownNow();
        // Without its executor the client delivers nothing more: end the streams it still holds.
        streams.forEach(BufferedKStream::finish);
        streams.clear();
        try {
            // JDK 21+ can stop its selector thread at once; JDK 17 lets it end when the client is collected.
            HttpClient.class.getMethod("shutdownNow").invoke(http);
        } catch (ReflectiveOperationException olderJdk) {
            // nothing more to release here
        }
    }

    /**
     * Sends intercepted hosts to the server as an HTTP proxy, everything else as the JVM would. Static, holding only
     * the options: the HTTP client's selector thread holds its proxy selector, and on JDK 17 that thread ends only
     * when nothing else reaches the client, so a reference back to it would keep one thread per closed client.
     */
    private static final class Interceptor extends ProxySelector {
        private final Client.Options options;

        Interceptor(Client.Options options) {
            this.options = options;
        }

        @Override
        public List<Proxy> select(URI uri) {
            if (isServer(uri)) {
                return List.of(Proxy.NO_PROXY); // straight to the server: an https URL must not become a CONNECT
            }
            if (intercepted(options, uri)) {
                return List.of(new Proxy(Proxy.Type.HTTP, options.interception().target()));
            }
            ProxySelector fallback = ProxySelector.getDefault();
            return fallback == null || fallback == this ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
        }

        private boolean isServer(URI uri) {
            URI base = options.baseUrl();
            return uri.getPort() == base.getPort()
                    && uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(base.getHost());
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            ProxySelector fallback = ProxySelector.getDefault();
            if (fallback != null
                    && fallback != this
                    && !(address instanceof InetSocketAddress target
                            && target.equals(options.interception().target()))) {
                fallback.connectFailed(uri, address, failure);
            }
        }
    }

    /** Feeds a streaming body into a {@link BufferedKStream} that the caller gets as soon as the headers arrived. */
    private final class StreamSubscriber implements HttpResponse.BodySubscriber<BufferedKStream> {
        private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        private final BufferedKStream stream;

        StreamSubscriber(HttpResponse.ResponseInfo info) {
            this.stream = new BufferedKStream(info.statusCode(), info.headers().map(), this::cancel);
        }

        private void cancel() {
            Flow.Subscription current = subscription.get();
            if (current != null) {
                current.cancel();
            }
        }

        @Override
        public CompletionStage<BufferedKStream> getBody() {
            return CompletableFuture.completedFuture(stream);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription.set(subscription);
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                stream.receive(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            onComplete();
        }

        @Override
        public void onComplete() {
            stream.finish();
            streams.remove(stream);
        }
    }
}
