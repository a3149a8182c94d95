package kmock.transport.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.TunnelSupport;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.Invocable;

import kmock.internal.http.ServingThreads;

/**
 * The Jetty core handler that serves a kmock {@link kmock.api.Handler}. Declared non-blocking, it is called on
 * the I/O thread that parsed the request: a request without a body whose reply the handler knows at once
 * ({@link kmock.api.Handler#handleWithoutBlocking}) is answered right there; any other goes to a pool thread,
 * which reads the whole body, calls the handler and writes a fixed response, or runs a streaming body chunk by
 * chunk.
 */
final class ServingHandler extends Handler.Abstract {

    private static final int MAX_ERROR_TEXT = 1000;
    /** How much of a refused upload is read and discarded to deliver the 413 cleanly; loopback reads it in a blink. */
    private static final long DRAIN_LIMIT = 256L * 1024 * 1024;

    private final kmock.api.Handler handler;
    private final long maxBodySize;
    private final ServingThreads calls;
    /** TLS for intercepted hosts in {@code CONNECT} tunnels, or {@code null} when the server intercepts nothing. */
    private final SslConnectionFactory tunnels;

    ServingHandler(kmock.api.Handler handler, long maxBodySize, ServingThreads calls, SslConnectionFactory tunnels) {
        super(Invocable.InvocationType.NON_BLOCKING);
        this.handler = handler;
        this.maxBodySize = maxBodySize;
        this.calls = calls;
        this.tunnels = tunnels;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (HttpMethod.CONNECT.is(request.getMethod())) {
            return tunnel(request, response, callback);
        }
        // A handler may wait for a live feed for hours without any I/O: only the close of the server ends it.
        request.addIdleTimeoutListener(timeout -> false);
        Callback completion = withoutIdleTimeout(request, callback);
        if (calls.isClosing()) {
            text(response, completion, 503, "The KMock server is closing");
            return true;
        }
        if (hasNoBody(request) && answeredAtOnce(request, response, completion)) {
            return true;
        }
        dispatch(request, response, completion, () -> serve(request, response, completion));
        return true;
    }

    /**
     * Runs blocking work on a pool thread (a virtual one where the pool has them), as a call that closing the server
     * interrupts.
     */
    private void dispatch(Request request, Response response, Callback callback, Runnable work) {
        Executor pool = request.getComponents().getExecutor();
        Executor virtual = VirtualThreads.getVirtualThreadsExecutor(pool);
        try {
            (virtual != null ? virtual : pool).execute(() -> {
                if (!calls.enter()) {
                    text(response, callback, 503, "The KMock server is closing");
                    return;
                }
                try {
                    work.run();
                } finally {
                    calls.exit();
                }
            });
        } catch (RejectedExecutionException stopping) {
            text(response, callback, 503, "The KMock server is closing");
        }
    }

    /**
     * Answers on this I/O thread when the handler can without blocking (a reply that is already known), sparing
     * the hand-off to a pool thread; {@code false} when the handler declined and has done nothing.
     */
    private boolean answeredAtOnce(Request request, Response response, Callback callback) {
        kmock.api.Request incoming;
        try {
            incoming = IncomingRequest.withoutBody(request);
        } catch (IncomingRequest.BadTarget e) {
            text(response, callback, 400, e.getMessage());
            return true;
        }
        kmock.api.Response reply;
        try {
            reply = handler.handleWithoutBlocking(incoming);
        } catch (Exception | AssertionError e) {
            failure(response, callback, e);
            return true;
        }
        if (reply == null) {
            return false;
        }
        if (reply.isStreaming()) {
            // A stream writes with blocking waits: it runs on a pool thread, although its start was quick.
            dispatch(request, response, callback, () -> stream(response, callback, reply));
        } else {
            fixed(request, response, callback, reply);
        }
        return true;
    }

    /** Whether the request declares no body: no length (or zero) and no chunked transfer. */
    private static boolean hasNoBody(Request request) {
        long length = request.getLength();
        return length == 0 || length < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /**
     * Answers {@code CONNECT host:port} with {@code 200} and turns the connection into TLS for that host (its
     * certificate chosen by SNI), with HTTP/1.1 inside served by this same handler: the client talks to the
     * intercepted host as if it were the real one.
     */
    private boolean tunnel(Request request, Response response, Callback callback) {
        TunnelSupport support = request.getTunnelSupport();
        if (tunnels == null || support == null) {
            text(
                    response,
                    callback,
                    405,
                    "This KMock server intercepts no hosts, so it opens no CONNECT tunnels: "
                            + "give it hostnames(...) to intercept");
            return true;
        }
        EndPoint endPoint = support.getEndPoint();
        Connection tls = tunnels.newConnection(request.getConnectionMetaData().getConnector(), endPoint);
        request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, tls);
        response.setStatus(200);
        callback.succeeded();
        return true;
    }

    /**
     * Lifts the connection's idle timeout until the exchange completes: a client that reads a large body slowly,
     * or stops at a breakpoint, must get all of it, and the listener above does not cover a blocked write (Jetty
     * fails a pending write at the idle timeout whatever the listeners say). Between requests the connector's
     * timeout applies again: none by default ({@link JettyListener#IDLE_CONNECTION_MILLIS} says why), a short one in
     * the tests that reach it.
     */
    private static Callback withoutIdleTimeout(Request request, Callback callback) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        long betweenRequests = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(0);
        return Callback.from(
                callback.getInvocationType(),
                () -> {
                    endPoint.setIdleTimeout(betweenRequests);
                    callback.succeeded();
                },
                failure -> {
                    endPoint.setIdleTimeout(betweenRequests);
                    callback.failed(failure);
                });
    }

    private void serve(Request request, Response response, Callback callback) {
        kmock.api.Request incoming;
        try {
            incoming = IncomingRequest.read(request, maxBodySize);
        } catch (RequestBody.TooLarge e) {
            tooLarge(request, response, callback, e.getMessage());
            return;
        } catch (IncomingRequest.BadTarget e) {
            text(response, callback, 400, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            callback.failed(e); // a broken body: Jetty answers 400 or drops the connection
            return;
        }
        kmock.api.Response reply;
        try {
            reply = handler.handle(incoming);
            if (reply == null) {
                throw new IllegalStateException(
                        "The handler " + handler.getClass().getName() + " returned no response");
            }
        } catch (Exception | AssertionError e) {
            failure(response, callback, e);
            return;
        }
        if (reply.isStreaming()) {
            stream(response, callback, reply);
        } else {
            fixed(request, response, callback, reply);
        }
    }

    /**
     * Answers {@code 413} first, then reads and discards the rest of the upload (up to a bound), so that the client
     * finishes sending and reads the answer instead of finding its connection reset mid-send. A client that waits
     * for {@code 100 Continue} sends no body after a final answer, so there is nothing to drain.
     */
    private static void tooLarge(Request request, Response response, Callback callback, String message) {
        try (Blocker.Callback sent = Blocker.callback()) {
            text(response, sent, 413, message);
            sent.block();
            if (!request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString())) {
                RequestBody.drain(request, DRAIN_LIMIT); // past the limit, Jetty closes the connection instead
            }
            callback.succeeded();
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    private static void fixed(Request request, Response response, Callback callback, kmock.api.Response reply) {
        int status = reply.status();
        response.setStatus(status);
        copyHeaders(reply.headers(), response);
        if (status < 200 || status == 204 || status == 304) {
            response.getHeaders().remove(HttpHeader.CONTENT_LENGTH);
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return;
        }
        byte[] body = reply.body();
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        // A HEAD reply may declare the length of the body it leaves out; otherwise the body decides.
        if (!(head && body.length == 0 && response.getHeaders().contains(HttpHeader.CONTENT_LENGTH))) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), callback);
    }

    private static void stream(Response response, Callback callback, kmock.api.Response reply) {
        response.setStatus(reply.status());
        copyHeaders(reply.headers(), response);
        JettyChunkWriter out = new JettyChunkWriter(response);
        try {
            reply.stream().writeTo(out);
        } catch (Exception | AssertionError e) {
            if (out.committed()) {
                callback.failed(e); // headers are out: the only way to tell the client is to cut the body short
            } else {
                response.reset();
                failure(response, callback, e);
            }
            return;
        }
        callback.succeeded(); // sends the headers if no chunk did, and ends the body
    }

    /** Copies the reply's headers except the framing, which is Jetty's: chunked, or a length checked against the body. */
    private static void copyHeaders(Map<String, List<String>> headers, Response response) {
        headers.forEach((name, values) -> {
            if (!HttpHeader.TRANSFER_ENCODING.is(name)) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
    }

    private static void failure(Response response, Callback callback, Throwable error) {
        String message = error.getMessage();
        String text = "Internal Server Error: " + error.getClass().getName() + (message == null ? "" : ": " + message);
        text(
                response,
                callback,
                500,
                text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "..." : text);
    }

    private static void text(Response response, Callback callback, int status, String text) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
