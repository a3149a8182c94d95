package kmock.transport.jetty;

import java.io.IOException;
import java.time.Duration;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import kmock.api.Handler;
import kmock.internal.http.ServingThreads;
import kmock.spi.Transport;

/** A running Jetty server with one connector; closing it ends open streams and stops within about a second. */
final class JettyListener implements Transport.Listener {

    private final Server server;
    private final ServerConnector connector;
    private final ServingThreads serving;

    private JettyListener(Server server, ServerConnector connector, ServingThreads serving) {
        this.server = server;
        this.connector = connector;
        this.serving = serving;
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
        ServingThreads serving = new ServingThreads();
        server.setHandler(new JettyExchange(handler, config.maxBodySize(), serving));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException(e.getMessage(), e);
        }
        return new JettyListener(server, connector, serving);
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        serving.interruptAndAwait(Duration.ofMillis(500));
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
