package kmock.transport.jetty;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import kmock.api.Handler;
import kmock.internal.http.ServingThreads;
import kmock.spi.Transport;

/**
 * A running Jetty server with one HTTP/1.1 connector that serves one kmock {@link Handler}: plain, TLS (HTTPS), or
 * both detected per connection when the server intercepts hosts (the embedded client connects with TLS for an
 * intercepted {@code https} URL, JVM-wide clients send plain proxy requests and {@code CONNECT}s).
 */
final class JettyListener implements Transport.Listener {

    /**
     * Enough threads for hundreds of streams blocked at once (each holds its thread) without stalling other
     * requests; idle ones go after a few seconds, so a quiet server costs a couple of threads.
     */
    private static final int MAX_THREADS = 1000;

    private static final int MIN_THREADS = 2;
    private static final int THREAD_IDLE_MILLIS = 5_000;
    /**
     * Keep-alive connections are never timed out between requests (0: no idle timeout); the client closes them, or
     * the server's stop does. A server that closes idle connections races clients that reuse them, and Jetty may
     * then read and serve a request on a connection it is closing: the request takes effect and its response is
     * lost (seen as 1–2 of 100,000 creates from 4 JDK HttpClient threads, always past the 30 s of Jetty's default).
     * A peer that goes away on loopback closes its socket, which the selector notices.
     */
    static final long IDLE_CONNECTION_MILLIS = 0;
    /** How long stopping waits for pool threads before interrupting them, and again after: close() stays under a second. */
    private static final long POOL_STOP_MILLIS = 500;

    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final Server server;
    private final ServerConnector connector;
    private final ServingThreads calls;

    private JettyListener(Server server, ServerConnector connector, ServingThreads calls) {
        this.server = server;
        this.connector = connector;
        this.calls = calls;
    }

    /** The idle timeout of keep-alive connections between requests, in milliseconds; 0 for none. */
    long idleTimeoutBetweenRequests() {
        return connector.getIdleTimeout();
    }

    /** Binds, starts and returns once connections are accepted; every thread started is stopped again on failure. */
    static JettyListener start(Transport.ServerConfig config, Handler handler) throws IOException {
        return start(config, handler, IDLE_CONNECTION_MILLIS);
    }

    /** The same with another idle timeout for connections between requests, so tests can reach it quickly. */
    static JettyListener start(Transport.ServerConfig config, Handler handler, long idleConnectionMillis)
            throws IOException {
        String name = "kmock-jetty-server-" + SERVERS.incrementAndGet();
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, THREAD_IDLE_MILLIS);
        pool.setName(name);
        pool.setDaemon(true);
        pool.setStopTimeout(POOL_STOP_MILLIS);
        if (Runtime.version().feature() >= 24 && VirtualThreads.areSupported()) {
            // Blocking calls (open watches and streams above all) on virtual threads: no pool thread held per watch.
            // Not before 24, where a virtual thread blocked inside synchronized pins its carrier.
            pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor(name + "-call-"));
        }

        Server server = new Server(pool, new ScheduledExecutorScheduler(name + "-scheduler", true), null);
        // No graceful phase: stopping closes the connections at once, which fails the writes of open streams.
        server.setStopTimeout(0);
        ServingThreads calls = new ServingThreads();
        boolean tls = config.https() != null || config.tunnels() != null;
        SslConnectionFactory tunnels = config.tunnels() == null ? null : tlsFactory(config.tunnels());
        if (tunnels != null) {
            server.addBean(tunnels); // started and stopped with the server, used for CONNECT tunnels
        }
        server.setHandler(new ServingHandler(handler, config.maxBodySize(), calls, tunnels));

        HttpConfiguration http = httpConfiguration();
        if (tls) {
            // Marks TLS requests secure and gives them the session (client certificates); the host is no SNI matter.
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
        }
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        ConnectionFactory[] factories;
        if (config.https() != null && config.tunnels() == null) {
            factories = new ConnectionFactory[] {tlsFactory(config.https()), http11};
        } else if (tls) {
            SslConnectionFactory detected = tlsFactory(config.https() != null ? config.https() : config.tunnels());
            factories = new ConnectionFactory[] {new DetectorConnectionFactory(detected), http11};
        } else {
            factories = new ConnectionFactory[] {http11};
        }
        // No acceptor thread: the selector accepts too, one thread less per server (tests run many in parallel).
        ServerConnector connector = new ServerConnector(server, 0, 1, factories);
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(idleConnectionMillis);
        connector.setAcceptQueueSize(
                1024); // bursts of hundreds of parallel connections (watches) must not wait on SYN retries
        server.addConnector(connector);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw bindFailure(config, e);
        }
        return new JettyListener(server, connector, calls);
    }

    /**
     * HTTP/1.1 as a mock server needs it. URI compliance: Jetty's DEFAULT (which allows no violation) plus the
     * "ambiguous" path violations (an encoded separator {@code %2F}, encoded dot segments, an encoded {@code %25},
     * empty segments, path parameters), because kmock reads the raw URL itself and never maps paths to files,
     * so Jetty's reasons to refuse them do not apply; malformed escapes, bad UTF-8 and characters illegal in a path
     * stay refused (400). Query strings are not checked by Jetty; kmock's own URI parsing refuses bad escapes there.
     * HTTP compliance: RFC 9110 plus a Host header that differs from an absolute-form target's authority, as
     * proxy-style clients send for intercepted hosts ({@code http://h:80/} with {@code Host: h}).
     */
    static HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.DEFAULT.with(
                "KMOCK", UriCompliance.AMBIGUOUS_VIOLATIONS.toArray(new UriCompliance.Violation[0])));
        http.setHttpCompliance(HttpCompliance.RFC9110.with("KMOCK", HttpCompliance.Violation.MISMATCHED_AUTHORITY));
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Kubernetes clients send long bearer tokens and long label selectors.
        http.setRequestHeaderSize(64 * 1024);
        return http;
    }

    /** TLS over a given context, asking for client certificates (wanted, never required), then HTTP/1.1. */
    private static SslConnectionFactory tlsFactory(SSLContext context) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(context);
        factory.setWantClientAuth(true);
        return new SslConnectionFactory(factory, HttpVersion.HTTP_1_1.asString());
    }

    private static IOException bindFailure(Transport.ServerConfig config, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                BindException bind =
                        new BindException(cause.getMessage() + " (" + config.host() + ":" + config.port() + ")");
                bind.initCause(failure);
                return bind;
            }
        }
        return failure instanceof IOException io
                ? io
                : new IOException(
                        "Jetty could not start on " + config.host() + ":" + config.port() + ": " + failure, failure);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // Stopping after a failed start only releases threads; the start failure is what the caller needs.
        }
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        calls.interruptAndAwait(Duration.ofMillis(500));
        stopQuietly(server);
    }

    @Override
    public String toString() {
        return "JettyListener[" + connector.getHost() + ":" + port() + ", " + calls.size() + " calls running]";
    }
}
