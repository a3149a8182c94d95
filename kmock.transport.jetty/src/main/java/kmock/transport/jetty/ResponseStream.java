package kmock.transport.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

import kmock.api.KStream;
import kmock.internal.client.BufferedKStream;

/**
 * Listens to one streaming exchange of the Jetty client: completes {@link #headers()} with a {@link KStream} when
 * the response headers arrive, then feeds it each body chunk as it comes and finishes it at the end. Closing the
 * stream aborts the request, which closes the connection, so the server's producer sees its next write fail.
 */
final class ResponseStream implements Response.Listener {

    private final Request request;
    private final CompletableFuture<BufferedKStream> opened = new CompletableFuture<>();
    private volatile BufferedKStream stream;

    ResponseStream(Request request) {
        this.request = request;
    }

    /** Completed with the stream once the headers arrived, or exceptionally when the exchange failed before. */
    CompletableFuture<BufferedKStream> headers() {
        return opened;
    }

    @Override
    public void onHeaders(Response response) {
        BufferedKStream created = new BufferedKStream(
                response.getStatus(),
                JettyClient.headers(response.getHeaders()),
                () -> request.abort(new IOException("The KStream was closed")));
        stream = created;
        opened.complete(created);
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        BufferedKStream current = stream;
        if (current == null) {
            return;
        }
        if (content.hasArray()) {
            current.receive(content.array(), content.arrayOffset() + content.position(), content.remaining());
        } else {
            byte[] copy = new byte[content.remaining()];
            content.get(copy);
            current.receive(copy, 0, copy.length);
        }
    }

    @Override
    public void onComplete(Result result) {
        BufferedKStream current = stream;
        if (current != null) {
            current.finish();
        }
        if (!opened.isDone()) {
            Throwable failure = result.getFailure();
            opened.completeExceptionally(
                    failure != null ? failure : new IOException("The response ended before its headers"));
        }
    }
}
