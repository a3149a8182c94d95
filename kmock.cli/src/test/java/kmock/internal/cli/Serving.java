package kmock.internal.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * {@code serve} running on a thread of its own, as {@code kmock.jar serve} runs until Ctrl-C: started with the
 * command's arguments, it returns once the one {@code Listening on URL} line is printed; closing it opens the
 * command's stop latch, as the shutdown hook does, and waits for the command to return.
 */
final class Serving implements AutoCloseable {

    /** How long a test waits for the command to listen or to return. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String LISTENING = "Listening on ";

    final CapturedOutput out = new CapturedOutput();
    final CapturedOutput err = new CapturedOutput();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private URI url;

    private Serving() {}

    /** Runs {@code serve} with these arguments until {@link #close()}; fails when it does not come to listen. */
    static Serving start(String... args) throws Exception {
        Serving serving = new Serving();
        Thread thread = new Thread(
                () -> {
                    try {
                        ServeCommand.run(List.of(args), serving.out.stream(), serving.err.stream(), serving.stop);
                        serving.finished.complete(null);
                    } catch (Throwable failure) {
                        serving.finished.completeExceptionally(failure);
                    }
                },
                "kmock-serve-under-test");
        thread.start();
        try {
            serving.url = serving.awaitListening();
            return serving;
        } catch (Exception | Error failure) {
            try {
                serving.close();
            } catch (Exception | Error alsoFailed) {
                if (alsoFailed != failure) {
                    failure.addSuppressed(alsoFailed);
                }
            }
            throw failure;
        }
    }

    private URI awaitListening() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String line = out.next(Duration.ofMillis(100));
            if (line != null) {
                if (!line.startsWith(LISTENING)) {
                    throw new AssertionError("the first line of serve is not '" + LISTENING + "URL': " + line);
                }
                return URI.create(line.substring(LISTENING.length()));
            }
            if (finished.isDone()) {
                rethrowFailure();
                throw new AssertionError("serve returned without listening; stderr: " + err.text());
            }
        }
        throw new AssertionError(
                "serve printed no '" + LISTENING + "URL' within " + PATIENCE + "; stderr: " + err.text());
    }

    /** The URL of the {@code Listening on} line. */
    URI url() {
        return url;
    }

    /** A GET of a path of the server with the JDK's HTTP client, with headers as name-value pairs. */
    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return get(HttpClient.newBuilder(), path, headers);
    }

    /** A GET of a path of the server over HTTPS, trusting and presenting what a TLS context holds. */
    HttpResponse<String> get(SSLContext tls, String path) throws IOException, InterruptedException {
        return get(HttpClient.newBuilder().sslContext(tls), path);
    }

    private HttpResponse<String> get(HttpClient.Builder client, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(PATIENCE);
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpClient http = client.version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PATIENCE)
                .build();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Opens the stop latch and waits for {@code serve} to return, rethrowing what it threw. */
    @Override
    public void close() throws Exception {
        stop.countDown();
        try {
            finished.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("serve did not return within " + PATIENCE + " of its stop", e);
        } catch (ExecutionException e) {
            rethrowFailure();
        }
    }

    private void rethrowFailure() throws Exception {
        try {
            finished.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
