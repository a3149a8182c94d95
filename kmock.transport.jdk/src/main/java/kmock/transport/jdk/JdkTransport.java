package kmock.transport.jdk;

import java.io.IOException;

import kmock.api.Client;
import kmock.api.Handler;
import kmock.spi.Transport;

/**
 * The transport on the JDK alone: {@code com.sun.net.httpserver} serves, {@code java.net.http} is the embedded
 * client. No dependencies; priority 10, below Jetty's.
 */
public final class JdkTransport implements Transport {

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Listener listen(ServerConfig config, Handler handler) throws IOException {
        NoDelay.ensure();
        return JdkListener.start(config, handler);
    }

    @Override
    public Client client(Client.Options options) {
        return new JdkClient(options);
    }

    /**
     * Turns Nagle's algorithm off for the JDK server, JVM-wide, once the first JDK-transport server starts (the README
     * says so): the server leaves it on unless {@code sun.net.httpserver.nodelay} is set, and reads the property only
     * once, when its configuration class loads; with Nagle and delayed ACKs a keep-alive client gets one response per
     * ~40 ms. A user's explicit setting wins. Merely finding this transport (with Jetty chosen) sets nothing.
     */
    private static final class NoDelay {
        static {
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
        }

        private NoDelay() {}

        /** Loads the class, so that its initialiser has run before any server exists. */
        static void ensure() {}
    }
}
