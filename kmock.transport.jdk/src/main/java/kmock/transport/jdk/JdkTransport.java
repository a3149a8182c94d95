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

    static {
        // The JDK server leaves Nagle's algorithm on unless this property is set, and reads it only once, when its
        // configuration class loads; with Nagle and delayed ACKs a keep-alive client gets one response per ~40 ms.
        // Set it before any HttpServer exists; a user's explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

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
        return JdkListener.start(config, handler);
    }

    @Override
    public Client client(Client.Options options) {
        return new JdkClient(options);
    }
}
