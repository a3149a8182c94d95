package kmock.transport.jdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import kmock.api.Handler;
import kmock.internal.http.ServingThreads;
import kmock.spi.Transport;

/**
 * A running {@link HttpServer} (an {@link HttpsServer} for HTTPS) that serves every request on its own thread, so
 * a blocked stream never stalls the others, and that ends every open exchange when closed. A server that
 * intercepts hosts also runs a {@link ProxyPort} for {@code CONNECT} tunnels, relaying to a plain HTTP server
 * (its own port, or a second, loopback-only one when its port speaks HTTPS).
 */
final class JdkListener implements Transport.Listener {

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final ServingThreads serving = new ServingThreads();
    private final Set<HttpExchange> open = ConcurrentHashMap.newKeySet();
    private ProxyPort proxy;

    private JdkListener(ExecutorService executor) {
        this.executor = executor;
    }

    static JdkListener start(Transport.ServerConfig config, Handler handler) throws IOException {
        // Unbounded threads on demand: each open stream holds one, and hundreds of streams must not starve requests.
        ExecutorService executor = new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                10,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                ServingThreadFactory.create("kmock-jdk-"));
        JdkListener listener = new JdkListener(executor);
        try {
            HttpServer main = listener.serve(
                    create(new InetSocketAddress(config.host(), config.port()), config.https()), handler, config);
            if (config.tunnels() != null) {
                HttpServer plain = config.https() == null
                        ? main
                        : listener.serve(create(new InetSocketAddress(config.host(), 0), null), handler, config);
                listener.proxy = ProxyPort.start(config.host(), config.tunnels(), plain.getAddress(), executor);
            }
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        return listener;
    }

    private static HttpServer create(InetSocketAddress address, SSLContext tls) throws IOException {
        if (tls == null) {
            return HttpServer.create(address, 1024);
        }
        HttpsServer server = HttpsServer.create(address, 1024);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setWantClientAuth(true); // a Kubernetes client may log in with a certificate; others need none
                parameters.setSSLParameters(ssl);
            }
        });
        return server;
    }

    private HttpServer serve(HttpServer server, Handler handler, Transport.ServerConfig config) {
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler, config.maxBodySize()));
        server.start();
        servers.add(server);
        return server;
    }

    private void serve(HttpExchange exchange, Handler handler, long maxBodySize) {
        if (!serving.enter()) {
            exchange.close();
            return;
        }
        open.add(exchange);
        try {
            new JdkExchange(exchange, maxBodySize, tls(exchange)).serve(handler);
        } finally {
            open.remove(exchange);
            serving.exit();
        }
    }

    /** The TLS session a request came with: its own on the HTTPS port, its tunnel's when relayed, else none. */
    private SSLSession tls(HttpExchange exchange) {
        if (exchange instanceof HttpsExchange https) {
            return https.getSSLSession();
        }
        ProxyPort tunnels = proxy;
        return tunnels == null
                ? null
                : tunnels.session(exchange.getRemoteAddress().getPort());
    }

    @Override
    public int port() {
        return servers.get(0).getAddress().getPort();
    }

    @Override
    public int proxyPort() {
        return proxy != null ? proxy.port() : port();
    }

    @Override
    public void close() {
        serving.interruptAndAwait(Duration.ofMillis(500));
        open.forEach(HttpExchange::close);
        if (proxy != null) {
            proxy.close();
        }
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
