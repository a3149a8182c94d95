package kmock.it.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A client that writes whatever bytes a test wants on a socket: malformed requests, half bodies, stalls and
 * abrupt closes, which a well-behaved HTTP client never sends. Reads answers with a read timeout, never forever.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to a server's address, reading with a 30 s timeout. */
    static RawHttp connect(URI server) {
        return connect(server, 0);
    }

    /** Connects with a receive buffer of the given size (0: the system's), to make a reader that falls behind. */
    static RawHttp connect(URI server, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends text as ISO-8859-1 bytes, as HTTP/1.1 heads are. */
    RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends bytes and flushes them. */
    RawHttp send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status code of the response, reading its head; -1 when the server closed without answering. */
    int status() {
        String line = line();
        if (line == null || line.isEmpty()) {
            return -1;
        }
        String[] parts = line.split(" ");
        return Integer.parseInt(parts[1]);
    }

    /** The header lines up to the blank line that ends the head. */
    List<String> headers() {
        List<String> headers = new ArrayList<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            headers.add(line);
        }
        return headers;
    }

    /**
     * The lines of a chunked body until its end or the connection's; what a watch client sees. Stops early (the
     * stream still open) once {@code enough} lines arrived.
     */
    List<String> chunkedLines(int enough) {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (lines.size() < enough) {
            String size = line();
            if (size == null) {
                break;
            }
            int length = Integer.parseInt(size.trim(), 16);
            if (length == 0) {
                break;
            }
            byte[] chunk = exactly(length);
            line();
            for (byte b : chunk) {
                if (b == '\n') {
                    lines.add(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                } else {
                    pending.write(b);
                }
            }
        }
        return lines;
    }

    /** Whether the server closed the connection: the next read sees the end of the stream. */
    boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    /** Closes at once, with a reset rather than an orderly close when {@code abort}: a client that vanished. */
    void drop(boolean abort) {
        try {
            if (abort) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that was wanted.
        }
    }

    @Override
    public void close() {
        drop(false);
    }

    private byte[] exactly(int length) {
        try {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CRLF-terminated line, or {@code null} at the end of the stream. */
    private String line() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
            return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
    }
}
