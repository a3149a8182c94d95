package kmock.transport.jdk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The JDK server's proxy port for intercepted hosts: {@code com.sun.net.httpserver} cannot take over a connection
 * after {@code CONNECT}, so this small acceptor does. It answers {@code CONNECT host:port} with {@code 200},
 * terminates the TLS that follows with a certificate for that host (by SNI), and relays the plain HTTP inside to
 * the server's plain HTTP port, remembering which TLS session each relayed connection carries so that requests
 * know their scheme and client certificates. Absolute-form requests are relayed as they come.
 */
final class ProxyPort implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;
    private static final int TLS_HANDSHAKE = 0x16;

    private final ServerSocket listening;
    private final SSLContext tunnels;
    private final InetSocketAddress upstream;
    private final ExecutorService executor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** The TLS session of each tunnel, by the local port of its connection to the plain server. */
    private final Map<Integer, SSLSession> sessions = new ConcurrentHashMap<>();

    private final Thread acceptor;

    private ProxyPort(
            ServerSocket listening, SSLContext tunnels, InetSocketAddress upstream, ExecutorService executor) {
        this.listening = listening;
        this.tunnels = tunnels;
        this.upstream = upstream;
        this.executor = executor;
        this.acceptor = new Thread(this::accept, "kmock-jdk-proxy-" + listening.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Listens on an ephemeral port of the host and relays to the plain server at {@code upstream}. */
    static ProxyPort start(String host, SSLContext tunnels, InetSocketAddress upstream, ExecutorService executor)
            throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.bind(new InetSocketAddress(host, 0), 1024);
        ProxyPort port = new ProxyPort(listening, tunnels, upstream, executor);
        port.acceptor.start();
        return port;
    }

    int port() {
        return listening.getLocalPort();
    }

    /** The TLS session that a connection of the plain server (by its remote port) came through, or {@code null}. */
    SSLSession session(int relayPort) {
        return sessions.get(relayPort);
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                client.setTcpNoDelay(true);
                open.add(client);
                try {
                    executor.execute(() -> serve(client));
                } catch (RejectedExecutionException closing) {
                    closeQuietly(client);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Socket server = null;
        SSLSocket tls = null;
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] line = readLine(in);
            byte[] prefix = line;
            SSLSession session = null;
            String text = new String(line, StandardCharsets.ISO_8859_1);
            if (text.toUpperCase(Locale.ROOT).startsWith("CONNECT ")) {
                readHead(in);
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                int first = in.read();
                if (first < 0) {
                    return;
                }
                if (first == TLS_HANDSHAKE) {
                    tls = (SSLSocket) tunnels.getSocketFactory()
                            .createSocket(client, new ByteArrayInputStream(new byte[] {(byte) first}), true);
                    tls.setUseClientMode(false);
                    tls.setWantClientAuth(true);
                    tls.startHandshake();
                    open.add(tls);
                    session = tls.getSession();
                    in = tls.getInputStream();
                    out = tls.getOutputStream();
                    prefix = new byte[0];
                } else {
                    prefix = new byte[] {(byte) first};
                }
            }
            server = new Socket();
            server.setTcpNoDelay(true);
            open.add(server);
            server.connect(upstream);
            if (session != null) {
                sessions.put(server.getLocalPort(), session);
            }
            server.getOutputStream().write(prefix);
            Socket upstreamSocket = server;
            InputStream fromClient = in;
            executor.execute(() -> pump(fromClient, upstreamSocket, client));
            pump(server.getInputStream(), tls != null ? tls : client, server);
            out.flush();
        } catch (IOException | RuntimeException gone) {
            // The client or the server went away, the handshake failed, or the server is closing.
        } finally {
            if (server != null) {
                sessions.remove(server.getLocalPort());
                closeQuietly(server);
            }
            if (tls != null) {
                closeQuietly(tls);
            }
            closeQuietly(client);
        }
    }

    /** Copies until either side ends, then closes both directions so that the other pump ends too. */
    private void pump(InputStream from, Socket to, Socket source) {
        byte[] buffer = new byte[16 * 1024];
        try {
            OutputStream out = to.getOutputStream();
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed
        } finally {
            closeQuietly(to);
            closeQuietly(source);
        }
    }

    /** The request line with its CRLF, byte by byte so that nothing after it is consumed. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            line.write(c);
            if (c == '\n') {
                return line.toByteArray();
            }
            if (line.size() > MAX_HEAD) {
                throw new IOException("request line over " + MAX_HEAD + " bytes");
            }
        }
        throw new IOException("connection closed before a request line");
    }

    /** Skips the header fields of a {@code CONNECT} up to the empty line. */
    private static void readHead(InputStream in) throws IOException {
        int size = 0;
        while (true) {
            byte[] field = readLine(in);
            size += field.length;
            if (field.length <= 2 || size > MAX_HEAD) {
                return;
            }
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }

    @Override
    public void close() {
        try {
            listening.close();
        } catch (IOException ignored) {
            // the acceptor ends either way
        }
        open.forEach(this::closeQuietly);
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
