package kmock.transport.jetty;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import kmock.api.Handler;
import kmock.spi.Transport;

/** A running Jetty server with one connector; closing it ends open streams and stops within about a second. */
final class JettyListener implements Transport.Listener {

    private final Server server;
    private final ServerConnector connector;
    private final Set<Thread> busy;

    private JettyListener(Server server, ServerConnector connector, Set<Thread> busy) {
        this.server = server;
        this.connector = connector;
        this.busy = busy;
    }

    static JettyListener start(Transport.ServerConfig config, Handler handler) throws IOException {
        // Each open stream holds a thread; hundreds of streams must not starve ordinary requests.
        QueuedThreadPool threads = new QueuedThreadPool(2000, 4, 10_000);
        threads.setName("kmock-jetty-" + config.port());
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopTimeout(500);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        // Kubernetes paths and queries carry encoded characters that the default compliance mode would reject.
        http.setUriCompliance(UriCompliance.LEGACY);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        Set<Thread> busy = ConcurrentHashMap.newKeySet();
        server.setHandler(new JettyExchange(handler, config.maxBodySize(), busy));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException(e.getMessage(), e);
        }
        return new JettyListener(server, connector, busy);
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        // Interrupt producers and let them end their responses properly, then stop the server.
        busy.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (!busy.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping is best effort: the connector is closed either way
        }
    }
}
