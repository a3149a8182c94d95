package kmock.transport.jetty;

import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

import kmock.api.KResponse;

/**
 * Buffers a whole response into a {@link KResponse}. A response that arrived complete counts even when sending
 * the request failed: a server may answer early (a {@code 413} to an upload) and close before taking it all.
 */
final class FullResponse extends BufferingResponseListener {

    private final CompletableFuture<KResponse> result = new CompletableFuture<>();

    FullResponse(int maxLength) {
        super(maxLength);
    }

    /** Completed with the response, or exceptionally with the failure that lost it. */
    CompletableFuture<KResponse> result() {
        return result;
    }

    @Override
    public void onComplete(Result outcome) {
        Response response = outcome.getResponse();
        if (outcome.getResponseFailure() == null && response != null && response.getStatus() > 0) {
            result.complete(new KResponse(
                    response.getStatus(),
                    response.getReason(),
                    JettyClient.headers(response.getHeaders()),
                    getContent()));
        } else {
            result.completeExceptionally(outcome.getFailure());
        }
    }
}
