package kmock.spi;

import java.io.IOException;
import javax.net.ssl.SSLContext;

import kmock.api.Client;
import kmock.api.Handler;

/**
 * An HTTP server and client implementation that KMock runs on, found with {@link java.util.ServiceLoader}.
 * {@code kmock-transport-jdk} and {@code kmock-transport-jetty} provide one each; with several present, the
 * system property {@code kmock.transport}, {@code Server.Builder#transport}, or else the highest
 * {@link #priority()} decides.
 *
 * <p>Implementations must be thread-safe: many servers and clients may be made concurrently.
 *
 * @since 0.1
 */
public interface Transport {

    /** The short name used to select it: {@code jdk}, {@code jetty}. */
    String name();

    /** Higher wins when no transport is named. */
    int priority();

    /**
     * Starts serving a handler on a host and port (0 for an ephemeral one) and returns once connections are
     * accepted. Requests are served concurrently: a blocked streaming response never stalls the others.
     *
     * @throws IOException when the address cannot be bound
     */
    Listener listen(ServerConfig config, Handler handler) throws IOException;

    /** Makes an HTTP/1.1 client whose relative URLs resolve against the options' base URL, honouring the interception. */
    Client client(Client.Options options);

    /** A running server of a transport. */
    interface Listener extends AutoCloseable {

        /** The bound port. */
        int port();

        /**
         * The port where the server takes proxy requests for intercepted hosts: absolute-form targets and
         * {@code CONNECT} tunnels. The same as {@link #port()} unless the server needs a separate one.
         */
        default int proxyPort() {
            return port();
        }

        /** Stops accepting, ends open streams (their producers see a failed write or an interrupt) and returns within a second. */
        @Override
        void close();
    }

    /**
     * What a transport's server needs.
     *
     * @param host         the interface to bind, such as {@code 127.0.0.1}
     * @param port         the port, 0 for an ephemeral one
     * @param maxBodySize  the largest request body accepted; larger ones are answered {@code 413}
     * @param https        the TLS context of the server's port when it speaks HTTPS, or {@code null} for plain HTTP
     * @param tunnels      the TLS context that terminates TLS for intercepted hosts (in {@code CONNECT} tunnels, or
     *                     arriving on a plain port), with certificates chosen by SNI; {@code null} when nothing is
     *                     intercepted. Servers ask for client certificates with it (wanted, never required).
     */
    record ServerConfig(String host, int port, long maxBodySize, SSLContext https, SSLContext tunnels) {

        /** A plain HTTP server that intercepts nothing. */
        public ServerConfig(String host, int port, long maxBodySize) {
            this(host, port, maxBodySize, null, null);
        }
    }
}
