package kmock.transport.jetty;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import kmock.api.Client;
import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.internal.client.BaseClient;
import kmock.internal.http.Headers;

/**
 * The embedded client on Jetty's {@code HttpClient} (HTTP/1.1). Intercepted hosts resolve to the local server
 * through an {@link InterceptingResolver}; redirects are not followed, cookies are not stored and bodies are not
 * decoded, so a test sees exactly what the server sent, as with the JDK transport.
 */
final class JettyClient extends BaseClient {

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final int MAX_THREADS = 200;
    private static final int MIN_THREADS = 1;
    private static final int THREAD_IDLE_MILLIS = 5_000;
    /** Many parallel streams (watches) to one server each hold a connection; none should wait in a queue. */
    private static final int MAX_CONNECTIONS = 1024;
    /** A fully read body lives in one array. */
    private static final int MAX_BODY = Integer.MAX_VALUE - 8;

    private final HttpClient http;

    JettyClient(Client.Options options) {
        super(options);
        String name = "kmock-jetty-client-" + CLIENTS.incrementAndGet();
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, THREAD_IDLE_MILLIS);
        pool.setName(name);
        pool.setDaemon(true);
        pool.setStopTimeout(500);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler(name + "-scheduler", true);
        long connectMillis = options.connectTimeout().toMillis();

        HttpClient client = new HttpClient();
        client.setName(name);
        client.setExecutor(pool);
        client.setScheduler(scheduler);
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(options.tls()); // the KMock CA and the JDK's anchors; host names are verified
        client.setSslContextFactory(tls);
        client.setSocketAddressResolver(new InterceptingResolver(
                options.interception(), new SocketAddressResolver.Async(pool, scheduler, connectMillis)));
        client.setConnectTimeout(connectMillis);
        // No idle timeout, as with the JDK transport: a full request has its total timeout, and a watch stream may
        // rightly stay silent for minutes; the server closes idle pooled connections on its side.
        client.setIdleTimeout(0);
        client.setFollowRedirects(false);
        client.setUserAgentField(null); // BaseClient sends the configured User-Agent itself
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setDefaultRequestContentType(null); // raw bytes go without a Content-Type unless one is given
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS);
        client.setMaxRequestsQueuedPerDestination(MAX_CONNECTIONS * 4);
        try {
            client.start();
            // After start, which loads the decoders it finds when none are set: no Accept-Encoding, no transparent
            // gunzip.
            client.getContentDecoderFactories().clear();
        } catch (Exception e) {
            stopQuietly(client);
            throw new IllegalStateException("The Jetty HttpClient did not start: " + e, e);
        }
        this.http = client;
    }

    @Override
    protected KResponse send(String method, URI url, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        Request request =
                newRequest(method, url, body, headers).timeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        FullResponse listener = new FullResponse(MAX_BODY);
        request.send(listener);
        try {
            return listener.result().get();
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause(), options.timeout().toMillis());
        }
    }

    @Override
    protected KStream open(String method, URI url, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        Request request = newRequest(method, url, body, headers);
        ResponseStream stream = new ResponseStream(request);
        request.send(stream);
        long deadline = options.timeout().toMillis();
        try {
            return stream.headers().get(deadline, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        } catch (TimeoutException e) {
            request.abort(e);
            throw new SocketTimeoutException("No response headers within " + deadline + " ms");
        } catch (ExecutionException e) {
            throw failure(e.getCause(), deadline);
        }
    }

    private Request newRequest(String method, URI url, byte[] body, Map<String, String> headers) {
        Request request = http.newRequest(url).method(method);
        request.headers(fields -> headers.forEach(fields::put));
        if (body != null) {
            request.body(new BytesRequestContent((String) null, body));
        }
        return request;
    }

    static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> headers = Headers.mutable();
        for (HttpField field : fields) {
            Headers.add(headers, field.getName(), field.getValue() == null ? "" : field.getValue());
        }
        return headers;
    }

    private static IOException failure(Throwable cause, long timeoutMillis) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof TimeoutException) {
            SocketTimeoutException timeout =
                    new SocketTimeoutException("No complete response within " + timeoutMillis + " ms");
            timeout.initCause(cause);
            return timeout;
        }
        return new IOException(String.valueOf(cause), cause);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(http)) {
            return type.cast(http);
        }
        throw new IllegalArgumentException(
                "The Jetty transport's client unwraps to " + HttpClient.class.getName() + ", not to " + type.getName());
    }

    @Override
    public void close() {
        stopQuietly(http);
    }

    private static void stopQuietly(HttpClient client) {
        try {
            client.stop();
        } catch (Exception ignored) {
            // Stopping releases connections and threads; nothing useful is left to report to a closing test.
        }
    }

    @Override
    public String toString() {
        return "JettyClient[" + options.baseUrl() + "]";
    }
}
