package kmock.transport.jetty;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.BufferUtil;

import kmock.api.Response.ChunkWriter;

/**
 * Writes the chunks of a streaming body to a Jetty response, each one written and flushed before {@link #write}
 * returns. Used by the one thread that runs the producer.
 */
final class JettyChunkWriter implements ChunkWriter {

    private final Response response;

    JettyChunkWriter(Response response) {
        this.response = response;
    }

    @Override
    public void status(int status, String reason) {
        ensureNotCommitted("status");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("HTTP status must be 100..999, got " + status);
        }
        response.setStatus(status); // Jetty's core writes the standard reason phrase; a custom one is not sent
    }

    @Override
    public void header(String name, String value) {
        ensureNotCommitted("header " + name);
        response.getHeaders().add(name, value);
    }

    /**
     * Sends the headers if still pending, then the chunk, and blocks until both are written: an empty chunk only
     * flushes the headers. A client that went away, or a server closing, fails the write with an IOException.
     */
    @Override
    public void write(byte[] chunk) throws IOException {
        if (chunk == null) {
            return;
        }
        ByteBuffer content = chunk.length == 0 ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(chunk);
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(false, content, written);
            written.block();
        } catch (InterruptedIOException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // the server is closing: the producer should see it too
            }
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("Writing a chunk failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean committed() {
        return response.isCommitted();
    }

    private void ensureNotCommitted(String what) {
        if (response.isCommitted()) {
            throw new IllegalStateException("Cannot set the " + what + ": the response headers were already sent");
        }
    }
}
