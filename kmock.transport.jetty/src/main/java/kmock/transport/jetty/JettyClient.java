package kmock.transport.jetty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import kmock.api.Client;
import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.internal.client.BaseClient;
import kmock.internal.client.BufferedKStream;
import kmock.internal.http.Headers;

/**
 * The embedded client on Jetty's {@code HttpClient}: intercepted hosts resolve to the server's address, so the
 * URL and {@code Host} header stay the ones the caller wrote, with no DNS.
 */
final class JettyClient extends BaseClient {

    private static final int MAX_BUFFERED = Integer.MAX_VALUE - 8;

    private final HttpClient http;

    JettyClient(Client.Options options) {
        super(options);
        QueuedThreadPool threads = new QueuedThreadPool(200, 2, 10_000);
        threads.setName("kmock-jetty-client");
        threads.setDaemon(true);
        http = new HttpClient();
        http.setExecutor(threads);
        http.setFollowRedirects(false);
        http.setUserAgentField(null);
        http.setConnectTimeout(options.connectTimeout().toMillis());
        // Each open stream holds a connection: allow as many as tests open at once.
        http.setMaxConnectionsPerDestination(4096);
        http.setMaxRequestsQueuedPerDestination(65536);
        // The scheduler must exist before start(): the resolver needs it to time out look-ups and report failures.
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("kmock-jetty-client-scheduler", true);
        http.setScheduler(scheduler);
        SocketAddressResolver network = new SocketAddressResolver.Async(threads, scheduler, options.connectTimeout().toMillis());
        http.setSocketAddressResolver(new Intercepting(network));
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Jetty's HttpClient: " + e.getMessage(), e);
        }
    }

    @Override
    protected KResponse send(String method, URI url, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        try {
            Request request = request(method, url, body, headers).timeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            // Jetty caps buffered responses at 2 MiB by default; test payloads may be far larger.
            ContentResponse response = new CompletableResponseListener(request, MAX_BUFFERED).send().get();
            return new KResponse(response.getStatus(), response.getReason(), headersOf(response), response.getContent());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
    }

    @Override
    protected KStream open(String method, URI url, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        Request request = request(method, url, body, headers);
        AtomicReference<BufferedKStream> stream = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch headersArrived = new CountDownLatch(1);
        request.send(new Response.Listener() {
            @Override
            public void onHeaders(Response response) {
                stream.set(new BufferedKStream(response.getStatus(), headersOf(response),
                        () -> request.abort(new IOException("closed by the client"))));
                headersArrived.countDown();
            }

            @Override
            public void onContent(Response response, ByteBuffer content) {
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                stream.get().receive(bytes, 0, bytes.length);
            }

            @Override
            public void onComplete(Result result) {
                if (result.isFailed() && stream.get() == null) {
                    failure.set(result.getFailure());
                }
                BufferedKStream open = stream.get();
                if (open != null) {
                    open.finish();
                }
                headersArrived.countDown();
            }
        });
        if (!headersArrived.await(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            request.abort(new IOException("no response headers in time"));
            throw new IOException("no response headers within " + options.timeout().toMillis() + " ms");
        }
        if (stream.get() == null) {
            Throwable cause = failure.get();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        }
        return stream.get();
    }

    private Request request(String method, URI url, byte[] body, Map<String, String> headers) {
        Request request = http.newRequest(url).method(method);
        request.headers(fields -> headers.forEach(fields::put));
        if (body != null) {
            String type = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                    .map(Map.Entry::getValue).findFirst().orElse("application/octet-stream");
            request.body(new BytesRequestContent(type, body));
        }
        return request;
    }

    private static Map<String, List<String>> headersOf(Response response) {
        Map<String, List<String>> headers = Headers.mutable();
        for (HttpField field : response.getHeaders()) {
            Headers.add(headers, field.getName(), field.getValue());
        }
        return headers;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(http)) {
            return type.cast(http);
        }
        throw new IllegalArgumentException("The Jetty transport's client is an org.eclipse.jetty.client.HttpClient, not " + type.getName());
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception ignored) {
            // best effort: its threads are daemons
        }
    }

    /** Resolves intercepted hosts to the server, everything else through the network resolver. */
    private final class Intercepting implements SocketAddressResolver {
        private final SocketAddressResolver network;

        Intercepting(SocketAddressResolver network) {
            this.network = network;
        }

        @Override
        public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
            if (options.interception().intercepts(host, port)) {
                promise.succeeded(List.of(options.interception().target()));
            } else {
                network.resolve(host, port, context, promise);
            }
        }
    }
}
