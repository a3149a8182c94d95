package kmock.internal.payloads;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import kmock.api.Payload;
import kmock.api.Request;
import kmock.api.Response;
import kmock.internal.streams.LiveGroup;
import kmock.internal.streams.LiveHub;
import kmock.internal.streams.ReplayableStream;

/**
 * The payloads of one reaction, checked at declaration and rendered into a response per request.
 *
 * <p>Seam between matching and replying: the matching side calls {@link #add}, {@link #isEmpty},
 * {@link #respond} and {@link #feed}; this package owns everything behind them. Status, header and cookie
 * payloads describe the whole response wherever they are declared; the other payloads form the body, in order,
 * and a body with a stream in it is streamed. Thread-safe: declarations may go on while requests are served.
 */
public final class Responder {

    private final LiveHub hub;
    private final LiveGroup streams = new LiveGroup();
    private List<Object> metas = List.of();
    private List<Object> body = List.of();
    private volatile Declared declared = new Declared(List.of(), ReplayableStream.of(List.of()), null, false);

    /**
     * What requests are answered from: a snapshot replaced as a whole on every declaration. {@code constant} is the
     * response itself when every payload is an immutable value (it is the same for every request, so it is rendered
     * once); {@code mayBlock} says whether rendering may wait (callables, awaitables, sleeps, files, streams).
     */
    private record Declared(List<Object> metas, ReplayableStream body, Response constant, boolean mayBlock) {}

    /** A responder whose live streams also listen to the handler's hub. */
    public Responder(LiveHub hub) {
        this.hub = hub;
    }

    /**
     * Adds payloads to the one response, in order; {@code null} adds nothing.
     *
     * @throws IllegalArgumentException for a payload of no supported kind, quoting it and saying how to wrap it;
     *                                  then none of the payloads of this call is added
     */
    public void add(Object... payloads) {
        List<Object> newMetas = new ArrayList<>();
        List<Object> newBody = new ArrayList<>();
        for (Object payload : payloads == null ? new Object[1] : payloads) {
            Object converted = Declarations.payload(payload);
            PayloadKind kind = PayloadKind.of(converted);
            if (kind == PayloadKind.STATUS || kind == PayloadKind.HEADERS || kind == PayloadKind.COOKIES) {
                newMetas.add(converted);
            } else if (kind == PayloadKind.WHOLE) {
                Payload.Whole whole = (Payload.Whole) converted;
                newMetas.add(new Payload.Whole(whole.status(), whole.reason(), whole.headers(), whole.cookies(), null));
                if (whole.content() != null) {
                    newBody.add(whole.content());
                }
            } else if (kind != PayloadKind.NOTHING) {
                newBody.add(converted);
            }
        }
        synchronized (this) {
            metas = concat(metas, newMetas);
            body = concat(body, newBody);
            ReplayableStream stream = ReplayableStream.of(body);
            declared = new Declared(metas, stream, constant(metas, stream), Constancy.mayBlock(metas, body));
        }
    }

    /** The response once and for all when every payload is an immutable value, else {@code null}. */
    private Response constant(List<Object> metas, ReplayableStream body) {
        if (!Constancy.isConstant(metas, body.items())) {
            return null;
        }
        try {
            return new Rendering(null, null, Responder::failureLine, streams, hub.group()).render(metas, body);
        } catch (Exception | Error unrenderable) {
            return null; // rendered per request, which reports the failure there
        }
    }

    /**
     * Whether rendering a response may block: a payload that waits (a callable, awaitable, sleep, file, input or
     * stream). Such a reaction is served on a thread that may block, never on a transport's I/O thread.
     */
    public boolean mayBlock() {
        return declared.mayBlock();
    }

    /** Whether no payload was declared: the reaction is then a spy. */
    public boolean isEmpty() {
        Declared current = declared;
        return current.metas().isEmpty() && current.body().items().isEmpty();
    }

    /**
     * Renders the response for one request: fixed, or streaming when a stream is among the payloads.
     *
     * @param errors where failures that happen after the response is committed (inside a stream) are reported
     * @throws java.util.NoSuchElementException when a payload source is depleted: the reaction retires
     * @throws Exception a payload's own failure (a declared {@code Throwable}, a failing callable): answered 500
     */
    public Response respond(Request request, Consumer<Throwable> errors) throws Exception {
        return respond(request, errors, Responder::failureLine);
    }

    /**
     * Renders the response for one request, as {@link #respond(Request, Consumer)} does, ending a stream that fails
     * after its headers went out with the line {@code lastLine} makes of the failure.
     */
    public Response respond(Request request, Consumer<Throwable> errors, Function<Throwable, byte[]> lastLine)
            throws Exception {
        Declared current = declared;
        if (current.constant() != null) {
            return current.constant();
        }
        return new Rendering(request, errors, lastLine, streams, hub.group()).render(current.metas(), current.body());
    }

    /** The plain last line of a failed stream: the failure's class and message. */
    public static byte[] failureLine(Throwable failure) {
        return (failure.getClass().getName() + ": " + failure.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Feeds items to this reaction's streams that wait at a feeding point; a no-op when none waits.
     *
     * @throws IllegalArgumentException for an item that is no payload, before anything is fed
     */
    public void feed(Object... items) {
        streams.feed(Declarations.batch(items));
    }

    /** How many of this reaction's streams listen for feeds now (for diagnostics and tests). */
    public int waiting() {
        return streams.size();
    }

    private static List<Object> concat(List<Object> old, List<Object> added) {
        if (added.isEmpty()) {
            return old;
        }
        List<Object> all = new ArrayList<>(old);
        all.addAll(added);
        return Collections.unmodifiableList(all);
    }
}
