package kmock.transport.jetty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Blocker;

/**
 * Reads a request body with blocking waits (the handler runs on a thread that may block), keeping at most a limit
 * in memory; what is left over a limit can be drained, so that the client reads the {@code 413} instead of
 * finding its upload cut off.
 */
final class RequestBody {

    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int INITIAL_SIZE = 16 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    private RequestBody() {}

    /** The body is larger than the server accepts; answered {@code 413}. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /**
     * The whole body.
     *
     * @throws TooLarge    when it is over {@code maxBody} bytes, by its Content-Length or as it is read; the rest is unread
     * @throws IOException when the client fails or breaks the framing while sending it
     */
    static byte[] read(Request request, long maxBody) throws TooLarge, IOException {
        long limit = Math.min(maxBody, MAX_ARRAY); // the body ends up in one array
        long declared = request.getLength();
        if (declared > limit) {
            throw new TooLarge("The body of " + declared + " bytes is over the limit of " + limit + " bytes");
        }
        if (declared == 0) {
            return NO_BODY;
        }
        ByteArrayOutputStream body = null;
        while (true) {
            Content.Chunk chunk = next(request);
            try {
                ByteBuffer bytes = chunk.getByteBuffer();
                int size = body == null ? 0 : body.size();
                if (size + (long) bytes.remaining() > limit) {
                    throw new TooLarge("The body is over the limit of " + limit + " bytes");
                }
                if (body == null && chunk.isLast()) {
                    // The whole body in one chunk (or none, as for most GETs): no buffer to grow and copy.
                    byte[] whole = bytes.hasRemaining() ? new byte[bytes.remaining()] : NO_BODY;
                    bytes.get(whole);
                    return whole;
                }
                if (body == null) {
                    body = new ByteArrayOutputStream(
                            declared > 0 ? (int) declared : Math.max(INITIAL_SIZE, bytes.remaining()));
                }
                if (bytes.hasArray()) {
                    body.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                } else {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    body.write(copy, 0, copy.length);
                }
                if (chunk.isLast()) {
                    return body.toByteArray();
                }
            } finally {
                chunk.release();
            }
        }
    }

    /** Reads and discards the rest of the body, up to {@code cap} bytes; whether the body ended within them. */
    static boolean drain(Request request, long cap) throws IOException {
        long drained = 0;
        while (drained <= cap) {
            Content.Chunk chunk = next(request);
            try {
                drained += chunk.getByteBuffer().remaining();
                if (chunk.isLast()) {
                    return true;
                }
            } finally {
                chunk.release();
            }
        }
        return false;
    }

    /** The next chunk, waiting for one; a failure (a client gone, a broken chunked framing) as an IOException. */
    private static Content.Chunk next(Request request) throws IOException {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                try (Blocker.Runnable available = Blocker.runnable()) {
                    request.demand(available);
                    available.block();
                }
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                Throwable failure = chunk.getFailure();
                throw failure instanceof IOException io
                        ? io
                        : new IOException("Reading the request body failed: " + failure, failure);
            }
            return chunk;
        }
    }
}
