package kmock.internal.payloads;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import kmock.api.Request;
import kmock.api.Response;
import kmock.internal.json.Json;
import kmock.internal.streams.LiveHub;

/**
 * The payloads of one reaction, checked at declaration and rendered into a response per request.
 *
 * <p>Seam between matching and replying: the matching side calls {@link #add}, {@link #isEmpty},
 * {@link #respond} and {@link #feed}; the payloads package owns everything behind them. Thread-safe.
 * (Seam version: only status codes, bytes and JSON values; the payloads implementation replaces it.)
 */
public final class Responder {

    private final LiveHub hub;
    private final List<Object> payloads = new CopyOnWriteArrayList<>();

    /** A responder whose live streams register with the handler's hub. */
    public Responder(LiveHub hub) {
        this.hub = hub;
    }

    /** Adds payloads, in order. @throws IllegalArgumentException for a payload of no supported kind, with a hint */
    public void add(Object... items) {
        payloads.addAll(java.util.Arrays.asList(items));
    }

    /** Whether no payload was declared: the reaction is then a spy. */
    public boolean isEmpty() {
        return payloads.isEmpty();
    }

    /**
     * Renders the response for one request.
     *
     * @param errors where failures that happen after the response is committed (inside a stream) are reported
     * @throws java.util.NoSuchElementException when a payload source is depleted: the reaction retires
     * @throws Exception a payload's own failure (a declared {@code Throwable}, a failing callable): answered 500
     */
    public Response respond(Request request, Consumer<Throwable> errors) throws Exception {
        Response.Builder builder = Response.builder();
        List<Object> body = new ArrayList<>();
        for (Object payload : payloads) {
            if (payload instanceof Throwable error) {
                throw error instanceof Exception exception ? exception : new IllegalStateException(error);
            } else if (payload instanceof Integer status && status >= 100 && status <= 999) {
                builder.status(status);
            } else if (payload instanceof byte[] bytes) {
                body.add(bytes);
            } else {
                body.add(Json.write(payload instanceof Map<?, ?> || payload == null ? payload : payload));
            }
        }
        StringBuilder text = new StringBuilder();
        body.forEach(part -> text.append(new String((byte[]) part, StandardCharsets.UTF_8)));
        return builder.body(text.toString()).build();
    }

    /** Feeds items to this reaction's streams waiting at a feeding point. */
    public void feed(Object... items) {
        hub.feed(items);
    }
}
