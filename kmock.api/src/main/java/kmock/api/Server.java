package kmock.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import kmock.internal.client.TransportLoader;
import kmock.internal.intercept.JvmInterception;
import kmock.internal.tls.Authority;
import kmock.internal.tls.Pem;
import kmock.internal.tls.Trust;
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

    private Server(Builder builder, Transport transport, Transport.Listener listener, SSLContext clientTls) {
        this.handler = builder.handler;
        this.transport = transport;
        this.listener = listener;
        this.host = builder.host;
        String literal = host.contains(":") ? "[" + host + "]" : host;
        this.url = URI.create((builder.https ? "https://" : "http://") + literal + ":" + listener.port() + "/");
        this.interception = Interception.of(new InetSocketAddress(host, listener.proxyPort()), builder.hostnames);
        this.clientOptions =
                builder.clientOptions.apply(new Client.Options(url, interception, null, null, null, clientTls));
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

    /**
     * The KMock certificate authority (one per JVM): it issued this server's certificate (unless
     * {@link Builder#https(SSLContext) your own} was given) and those of intercepted HTTPS hosts. Clients that
     * should trust KMock take it as PEM, a trust store or an SSL context.
     */
    public CertificateAuthority certificateAuthority() {
        return CertificateAuthority.jvm();
    }

    /**
     * This server as an HTTP proxy for the intercepted hosts (it takes absolute-form requests and {@code CONNECT}
     * tunnels), for clients that ignore {@link java.net.ProxySelector#getDefault()}, such as Jetty's or Netty's.
     */
    public Proxy proxy() {
        return new Proxy(Proxy.Type.HTTP, interception.target());
    }

    /** Whether the server speaks HTTPS on its port ({@link Builder#https()}). */
    public boolean isHttps() {
        return "https".equals(url.getScheme());
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
        private boolean https;
        /** The server's own TLS context when the user gave one; {@code null} for certificates of the KMock CA. */
        private SSLContext httpsContext;
        /** Trust anchors the embedded client needs besides the KMock CA: the roots of a user's certificates. */
        private List<X509Certificate> httpsAnchors = List.of();

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
         * Also intercepts the hostnames JVM-wide while the server runs, for the application's own clients: the
         * default {@link java.net.ProxySelector} sends their {@code http} and {@code https} requests here (HTTPS
         * through {@code CONNECT}, terminated with certificates of the KMock CA), and the default SSL contexts trust
         * the CA. java.net.http, {@code HttpURLConnection}, OkHttp and Apache HttpClient 5 in system-properties
         * mode need no change; other hosts keep their route. Undone when the last such server closes.
         */
        public Builder interceptJvm(boolean interceptJvm) {
            this.interceptJvm = interceptJvm;
            return this;
        }

        /**
         * Serves HTTPS (HTTP/1.1 over TLS) with a certificate that the JVM's {@link CertificateAuthority KMock CA}
         * issues for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and every intercepted host (chosen by SNI).
         * The embedded client trusts it; give {@link Server#certificateAuthority()} to other clients.
         */
        public Builder https() {
            this.https = true;
            this.httpsContext = null;
            this.httpsAnchors = List.of();
            return this;
        }

        /**
         * Serves HTTPS with your own TLS context (its key managers choose the certificate). Intercepted hosts in
         * {@code CONNECT} tunnels still get certificates from the KMock CA. The embedded client trusts only the
         * JDK's anchors and the KMock CA: adjust it with {@link #clientOptions} if your certificate needs more.
         */
        public Builder https(SSLContext context) {
            this.https = true;
            this.httpsContext = Objects.requireNonNull(context, "context");
            this.httpsAnchors = List.of();
            return this;
        }

        /** Serves HTTPS with the private key and certificate chain of a key store; the embedded client trusts its root. */
        public Builder https(KeyStore keyStore, char[] password) {
            Objects.requireNonNull(keyStore, "keyStore");
            try {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore, password);
                List<X509Certificate> roots = new ArrayList<>();
                for (String alias : Collections.list(keyStore.aliases())) {
                    Certificate[] chain = keyStore.getCertificateChain(alias);
                    if (chain != null && chain.length > 0 && chain[chain.length - 1] instanceof X509Certificate root) {
                        roots.add(root);
                    }
                }
                if (roots.isEmpty()) {
                    throw new IllegalArgumentException("The key store holds no private key with a certificate chain: "
                            + "add one (keytool -genkeypair, or a PKCS#12 file from openssl pkcs12 -export)");
                }
                this.https = true;
                this.httpsContext = Authority.jvm().serverContext(keys.getKeyManagers());
                this.httpsAnchors = List.copyOf(roots);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException(
                        "The key store cannot serve HTTPS (" + e.getMessage()
                                + "): check its password and that it holds a private key with its certificate chain",
                        e);
            }
            return this;
        }

        /**
         * Serves HTTPS with a PEM certificate chain (leaf first) and its private key (PKCS#8 {@code PRIVATE KEY},
         * {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}), as {@code openssl} and cert-manager write them.
         */
        public Builder https(String certificateChainPem, String privateKeyPem) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                char[] password = "kmock".toCharArray();
                store.setKeyEntry(
                        "server",
                        Pem.privateKey(privateKeyPem),
                        password,
                        Pem.certificates(certificateChainPem).toArray(new Certificate[0]));
                return https(store, password);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException(
                        "The PEM texts cannot serve HTTPS: " + e.getMessage()
                                + "; give the certificate chain (leaf first) and the matching private key",
                        e);
            }
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
            // Validates the specs before binding, and gives the names of the default certificate.
            Interception specs = Interception.of(new InetSocketAddress(host, Math.max(port, 1)), hostnames);
            SSLContext kmockTls = (https && httpsContext == null) || !hostnames.isEmpty()
                    ? Authority.jvm().serverContext(certificateNames(specs))
                    : null;
            SSLContext serverTls = !https ? null : httpsContext != null ? httpsContext : kmockTls;
            SSLContext tunnelTls = hostnames.isEmpty() ? null : kmockTls;
            Transport.Listener listener;
            try {
                listener = chosen.listen(
                        new Transport.ServerConfig(host, port, maxBodySize, serverTls, tunnelTls), handler);
            } catch (IOException e) {
                if (e instanceof BindException || e.getCause() instanceof BindException) {
                    throw new UncheckedIOException(
                            "Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                                    + "): the port is in use or not allowed; choose another, or port 0 for an ephemeral one.",
                            e);
                }
                throw new UncheckedIOException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
            Server server;
            try {
                server = new Server(this, chosen, listener, clientTls());
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

        /** The names of the default certificate: loopback, the bound host and the literal intercepted hosts. */
        private List<String> certificateNames(Interception specs) {
            Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
            if (!host.equals("0.0.0.0") && !host.equals("::")) {
                names.add(host);
            }
            names.addAll(specs.hosts());
            return List.copyOf(names);
        }

        /** The embedded client's TLS context: the default one, or one that also trusts the roots of the user's certificates. */
        private SSLContext clientTls() {
            if (httpsAnchors.isEmpty()) {
                return null;
            }
            return Authority.context(null, Trust.either(Authority.jvm().clientTrust(), Trust.anchors(httpsAnchors)));
        }
    }
}
