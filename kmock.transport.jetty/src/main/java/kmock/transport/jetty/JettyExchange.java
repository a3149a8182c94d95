package kmock.transport.jetty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

import kmock.api.Handler;
import kmock.internal.http.Replies;
import kmock.internal.http.ServingThreads;

/**
 * The Jetty core handler in front of a KMock {@link Handler}: reads the whole request, asks the handler on this
 * (blocking) thread, and writes the response, streaming chunk by chunk with a blocking flush per chunk.
 */
final class JettyExchange extends org.eclipse.jetty.server.Handler.Abstract {

    private final Handler handler;
    private final long maxBodySize;
    private final ServingThreads serving;

    JettyExchange(Handler handler, long maxBodySize, ServingThreads serving) {
        super(Invocable.InvocationType.BLOCKING);
        this.handler = handler;
        this.maxBodySize = maxBodySize;
        this.serving = serving;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        serving.enter();
        try {
            byte[] body = readBody(request);
            if (body == null) {
                writeFixed(request, response, callback, Replies.tooLarge(maxBodySize));
                return true;
            }
            kmock.api.Request.Builder builder = kmock.api.Request.builder().method(request.getMethod())
                    .url(URI.create(request.getHttpURI().asString())).body(body);
            for (HttpField field : request.getHeaders()) {
                builder.header(field.getName(), field.getValue());
            }
            kmock.api.Response reply;
            try {
                reply = handler.handle(builder.build());
                if (reply == null) {
                    throw new IllegalStateException("the handler returned no response");
                }
            } catch (Exception | Error e) {
                reply = Replies.failure(e);
            }
            if (reply.isStreaming()) {
                stream(request, response, callback, reply);
            } else {
                writeFixed(request, response, callback, reply);
            }
        } catch (IllegalArgumentException badUri) {
            Response.writeError(request, response, callback, 400, badUri.getMessage());
        } catch (Throwable gone) {
            callback.failed(gone);
        } finally {
            serving.exit();
        }
        return true;
    }

    /** The whole body, or {@code null} when it is over the limit. */
    private byte[] readBody(Request request) throws IOException {
        if (request.getLength() > maxBodySize) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Content.Source.asInputStream(request)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (body.size() + (long) n > maxBodySize) {
                    return null;
                }
                body.write(buffer, 0, n);
            }
        }
        return body.toByteArray();
    }

    private static boolean bodyless(Request request, int status) {
        return request.getMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304 || status < 200;
    }

    private static void copyHeaders(Response response, kmock.api.Response reply) {
        reply.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
    }

    private static void writeFixed(Request request, Response response, Callback callback, kmock.api.Response reply) {
        response.setStatus(reply.status());
        copyHeaders(response, reply);
        byte[] body = bodyless(request, reply.status()) ? new byte[0] : reply.body();
        if (!bodyless(request, reply.status())) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static void stream(Request request, Response response, Callback callback, kmock.api.Response reply) throws IOException {
        response.setStatus(reply.status());
        copyHeaders(response, reply);
        Chunks chunks = new Chunks(request, response);
        try {
            reply.stream().writeTo(chunks);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            if (!response.isCommitted()) {
                response.getHeaders().clear();
                writeFixed(request, response, callback, Replies.failure(e));
                return;
            }
            if (e instanceof InterruptedException) {
                // The server is closing: end the stream properly below.
                Thread.interrupted();
            } else {
                callback.failed(e);
                return;
            }
        }
        response.write(true, null, callback);
    }

    /** The streaming side of one response: status and headers until the first write, then flushed chunks. */
    private static final class Chunks implements kmock.api.Response.ChunkWriter {
        private final Request request;
        private final Response response;

        Chunks(Request request, Response response) {
            this.request = request;
            this.response = response;
        }

        @Override
        public synchronized void status(int status, String reason) {
            requireOpen();
            response.setStatus(status);
        }

        @Override
        public synchronized void header(String name, String value) {
            requireOpen();
            response.getHeaders().add(name, value);
        }

        @Override
        public synchronized void write(byte[] chunk) throws IOException {
            ByteBuffer buffer = bodyless(request, response.getStatus()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(chunk);
            try (Blocker.Callback blocker = Blocker.callback()) {
                response.write(false, buffer, blocker);
                blocker.block();
            }
        }

        @Override
        public synchronized boolean committed() {
            return response.isCommitted();
        }

        private void requireOpen() {
            if (response.isCommitted()) {
                throw new IllegalStateException("The response is committed: status and headers can change only before the first chunk");
            }
        }
    }
}
