package kmock.transport.jetty;

import java.io.IOException;

import kmock.api.Client;
import kmock.api.Handler;
import kmock.spi.Transport;

/**
 * The Jetty 12 transport: a server on Jetty's core handlers (no servlets) and a client on Jetty's
 * {@code HttpClient}. Found by {@link java.util.ServiceLoader}; its priority (20) puts it ahead of the JDK
 * transport (10) when both are present, and {@code kmock.transport=jetty} names it explicitly.
 *
 * @since 0.1
 */
public final class JettyTransport implements Transport {

    /** For {@link java.util.ServiceLoader}. */
    public JettyTransport() {}

    @Override
    public String name() {
        return "jetty";
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public Listener listen(ServerConfig config, Handler handler) throws IOException {
        return JettyListener.start(config, handler);
    }

    @Override
    public Client client(Client.Options options) {
        return new JettyClient(options);
    }

    @Override
    public String toString() {
        return "JettyTransport[jetty, priority 20]";
    }
}
