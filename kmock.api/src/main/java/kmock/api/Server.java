package kmock.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import kmock.internal.client.TransportLoader;
import kmock.internal.intercept.JvmInterception;
import kmock.spi.Interception;
import kmock.spi.Transport;

/**
 * A running HTTP server on loopback that serves one {@link Handler}, with an embedded {@link Client} pointed at
 * it. Start one with {@link #builder(Handler)}; close it to stop serving (open streams end at once).
 *
 * <pre>{@code
 * try (Server server = Server.builder(request -> Response.of(204)).start()) {
 *     assert server.client().get("/").status() == 204;
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Server implements AutoCloseable {

    private final Handler handler;
    private final Transport transport;
    private final Transport.Listener listener;
    private final String host;
    private final URI url;
    private final Interception interception;
    private final Client.Options clientOptions;
    private final Function<Client.Options, Client> clientFactory;
    /** Created on first use: most servers in a test suite are only ever called by the code under test. */
    private Client client;
    private final AutoCloseable jvmInterception;
    private volatile boolean closed;

    private Server(Builder builder, Transport transport, Transport.Listener listener) {
        this.handler = builder.handler;
        this.transport = transport;
        this.listener = listener;
        this.host = builder.host;
        String literal = host.contains(":") ? "[" + host + "]" : host;
        this.url = URI.create("http://" + literal + ":" + listener.port() + "/");
        this.interception = Interception.of(new InetSocketAddress(host, listener.port()), builder.hostnames);
        this.clientOptions = builder.clientOptions.apply(new Client.Options(url, interception, null, null, null));
        this.clientFactory = builder.clientFactory != null ? builder.clientFactory : transport::client;
        this.jvmInterception = builder.interceptJvm ? JvmInterception.install(interception) : null;
    }

    /** A builder for a server of this handler: loopback, an ephemeral port, the preferred transport. */
    public static Builder builder(Handler handler) {
        return new Builder(handler);
    }

    /** The base URL, such as {@code http://127.0.0.1:41234/}. */
    public URI url() {
        return url;
    }

    /** The bound port. */
    public int port() {
        return listener.port();
    }

    /** The bound host. */
    public String host() {
        return host;
    }

    /** The handler served. */
    public Handler handler() {
        return handler;
    }

    /**
     * The embedded client: relative URLs and intercepted hosts go to this server. Created on first use, so a
     * server that only the code under test calls never starts one.
     *
     * @throws IllegalStateException when the server is closed and had no client yet
     */
    public synchronized Client client() {
        if (client == null) {
            if (closed) {
                throw new IllegalStateException("The server " + url + " is closed: its client is no longer available");
            }
            client = Objects.requireNonNull(clientFactory.apply(clientOptions), "the client factory returned null");
        }
        return client;
    }

    /** The name of the transport underneath: {@code jdk} or {@code jetty}. */
    public String transport() {
        return transport.name();
    }

    /** The hosts and ports that the embedded client (and, if asked, the JVM) sends here. */
    public Interception interception() {
        return interception;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Stops serving: ends open streams, detaches from the handler, undoes interception; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (jvmInterception != null) {
                jvmInterception.close();
            }
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            // The listener first: its streams end properly while the client can still take their last chunks.
            try {
                listener.close();
            } finally {
                try {
                    Client created;
                    synchronized (this) {
                        created = client;
                    }
                    if (created != null) {
                        created.close();
                    }
                } finally {
                    handler.detach(this);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Server[" + url + " on " + transport.name() + "]";
    }

    /** Options of a {@link Server}; {@link #start()} binds and returns the running server. */
    public static final class Builder {
        private final Handler handler;
        private String host = "127.0.0.1";
        private int port;
        private final List<Object> hostnames = new ArrayList<>();
        private String transport;
        private Function<Client.Options, Client.Options> clientOptions = Function.identity();
        private Function<Client.Options, Client> clientFactory;
        private boolean interceptJvm;
        private long maxBodySize = 64L * 1024 * 1024;

        private Builder(Handler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** The interface to bind; default {@code 127.0.0.1}. Binding all interfaces ({@code 0.0.0.0}) must be asked for. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; default 0, an ephemeral one (the right choice for tests running in parallel). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535 (0 = ephemeral), got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Hosts whose requests the embedded client sends here: {@code "google.com"} (every port),
         * {@code "google.com:80"}, IPv4/IPv6 literals ({@code "[::1]:8080"}) and {@link java.util.regex.Pattern}s.
         */
        public Builder hostnames(Object... hostnames) {
            this.hostnames.addAll(Arrays.asList(hostnames));
            return this;
        }

        /** The transport by name ({@code jdk}, {@code jetty}); default: the {@code kmock.transport} property or priority. */
        public Builder transport(String name) {
            this.transport = name;
            return this;
        }

        /** Adjusts the embedded client's options: timeouts, user agent. */
        public Builder clientOptions(Function<Client.Options, Client.Options> adjust) {
            this.clientOptions = Objects.requireNonNull(adjust, "adjust");
            return this;
        }

        /** Replaces the embedded client; the function gets the options with the base URL and interception. */
        public Builder clientFactory(Function<Client.Options, Client> factory) {
            this.clientFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Also intercepts the hostnames JVM-wide while the server runs, through {@link java.net.ProxySelector#getDefault()}
         * (for {@code HttpURLConnection}, OkHttp and other clients that honour it); undone on close.
         */
        public Builder interceptJvm(boolean interceptJvm) {
            this.interceptJvm = interceptJvm;
            return this;
        }

        /** The largest request body accepted, in bytes; larger ones are answered {@code 413}. Default 64 MiB. */
        public Builder maxBodySize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxBodySize must be >= 0, got " + bytes);
            }
            this.maxBodySize = bytes;
            return this;
        }

        /**
         * Binds, starts serving and attaches to the handler.
         *
         * @throws UncheckedIOException when the port cannot be bound (the message names it)
         * @throws IllegalStateException when no transport is present (the message names the artifacts to add)
         */
        public Server start() {
            Transport chosen = TransportLoader.select(transport);
            Interception.of(new InetSocketAddress(host, Math.max(port, 1)), hostnames); // validate specs before binding
            Transport.Listener listener;
            try {
                listener = chosen.listen(new Transport.ServerConfig(host, port, maxBodySize), handler);
            } catch (IOException e) {
                if (e instanceof BindException || e.getCause() instanceof BindException) {
                    throw new UncheckedIOException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                            + "): the port is in use or not allowed; choose another, or port 0 for an ephemeral one.", e);
                }
                throw new UncheckedIOException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
            Server server;
            try {
                server = new Server(this, chosen, listener);
            } catch (RuntimeException e) {
                listener.close();
                throw e;
            }
            try {
                handler.attach(server);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        }
    }
}
