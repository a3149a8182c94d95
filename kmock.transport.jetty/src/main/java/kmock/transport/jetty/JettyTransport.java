package kmock.transport.jetty;

import java.io.IOException;

import kmock.api.Client;
import kmock.api.Handler;
import kmock.spi.Transport;

/**
 * The transport on Jetty 12: core handlers (no servlets) serve, Jetty's {@code HttpClient} is the embedded client.
 * Priority 20, above the JDK transport's.
 */
public final class JettyTransport implements Transport {

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
}
