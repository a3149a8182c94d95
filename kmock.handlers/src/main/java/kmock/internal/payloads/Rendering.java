package kmock.internal.payloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

import kmock.api.Payload;
import kmock.api.Request;
import kmock.api.Response;
import kmock.internal.streams.Cursor;
import kmock.internal.streams.LiveFeed;
import kmock.internal.streams.LiveGroup;
import kmock.internal.streams.ReplayableStream;

/**
 * The response to one request, interpreted from a reaction's payloads in order.
 *
 * <p>{@link #render} walks the payloads until the first body chunk is due: with no stream among them it
 * returns a fixed response; once a stream is met (a replayable or depletable stream, a feeding point) it returns
 * a streaming response whose body continues the same walk on the transport's thread. So status and headers may
 * change until the first chunk, and a stream that ends before giving any chunk is depleted
 * ({@link NoSuchElementException}), letting the next reaction serve. Once the first chunk is sent, a plain
 * status-like integer or header-like map in the stream is data (a JSON line), as in the original's streams;
 * explicit {@code Payload.headers}, {@code cookies} or {@code response} there are a failure.
 *
 * <p>The walk keeps an explicit stack of stream cursors instead of recursing, and drops a cursor before it
 * interprets the cursor's last item: a stream that ends in a feeding point and is fed a new one a hundred
 * thousand times stays one level deep. Used by one thread at a time.
 */
final class Rendering {

    private static final int UNFOLDING_LIMIT = 1000;
    private static final int PEEK_LIMIT = 16;
    private static final byte[] NO_BYTES = new byte[0];

    private final Request request;
    private final Consumer<Throwable> errors;
    private final Function<Throwable, byte[]> lastLine;
    private final LiveGroup reaction;
    private final LiveGroup handler;
    private final ResponseDraft draft = new ResponseDraft();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private boolean streaming;
    private boolean takenFromFeed;
    private LiveFeed feed;
    private Response.ChunkWriter out;

    /** One stream being walked; {@code fed} when its items came from a feed (or from an item that did). */
    private record Frame(Cursor cursor, boolean fed) {
    }

    Rendering(Request request, Consumer<Throwable> errors, Function<Throwable, byte[]> lastLine, LiveGroup reaction,
              LiveGroup handler) {
        this.request = request;
        this.errors = errors == null ? failure -> { } : errors;
        this.lastLine = lastLine;
        this.reaction = reaction;
        this.handler = handler;
    }

    /**
     * The response: fixed, or streaming once a stream is met.
     *
     * @param metas status, header and cookie payloads, applied first wherever they were declared
     * @param body  the body payloads, in order, already converted by {@link Declarations}
     * @throws NoSuchElementException when a payload is depleted, or a stream ends before its first chunk
     * @throws Exception              a payload's own failure
     */
    Response render(List<Object> metas, ReplayableStream body) throws Exception {
        for (Object meta : metas) {
            meta(meta);
        }
        frames.push(new Frame(body.cursor(), false));
        for (Object item = take(); item != Cursor.END; item = take()) {
            if (!interpret(item, takenFromFeed)) {
                return draft.streaming(this::write);
            }
        }
        if (streaming) {
            throw new NoSuchElementException("The stream ended before its first item: its sources are depleted");
        }
        return draft.fixed();
    }

    /** The streaming body: the pending chunk, then the rest of the walk. */
    private void write(Response.ChunkWriter writer) throws Exception {
        if (out != null) {
            throw new IllegalStateException("A streaming reply body can be written only once");
        }
        out = writer;
        try {
            if (draft.hasParts()) {
                send(draft.takeChunk());
            }
            for (Object item = take(); item != Cursor.END; item = take()) {
                interpret(item, takenFromFeed);
            }
        } catch (Disconnected gone) {
            throw gone.getCause();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt(); // the server is closing: end the response as it is
        } catch (NoSuchElementException depleted) {
            // A depleted source ends this request's stream; later requests go on past it.
        } catch (Exception | Error failure) {
            errors.accept(failure);
            tell(failure);
        } finally {
            stopListening();
        }
    }

    /**
     * Interprets one item, unfolding callables and awaitables into what they return.
     *
     * @return {@code false} before the body starts when the stream must start now (a chunk or a feeding point
     *         is due); always {@code true} while the body is written
     */
    private boolean interpret(Object item, boolean fed) throws Exception {
        Object value = item;
        for (int unfolded = 0; unfolded < UNFOLDING_LIMIT; unfolded++) {
            PayloadKind kind = PayloadKind.of(value);
            if (kind == null) {
                throw Declarations.unsupported(value);
            }
            switch (kind) {
                case NOTHING:
                    return true;
                case STATUS:
                case HEADERS:
                    if (out != null && !(value instanceof Payload)) {
                        return chunk(Part.json(value)); // the headers are sent: a plain number or map is data
                    }
                    meta(value);
                    return true;
                case COOKIES:
                    meta(value);
                    return true;
                case WHOLE: {
                    Payload.Whole whole = (Payload.Whole) Declarations.payload(value);
                    meta(new Payload.Whole(whole.status(), whole.reason(), whole.headers(), whole.cookies(), null));
                    value = whole.content();
                    continue;
                }
                case REPLAY:
                case DEPLETABLE:
                    frames.push(new Frame((Cursor) cursorOf(Declarations.payload(value)), fed));
                    return startStream();
                case LIVE:
                    return live(fed);
                case CALL:
                    value = Evaluation.call(value, request);
                    continue;
                case AWAIT:
                    value = Evaluation.await(value);
                    continue;
                case SLEEP:
                    Evaluation.sleep((Duration) value);
                    return true;
                case RAISE:
                    throw raise(Evaluation.raised(value));
                default:
                    return chunk(part(kind, value));
            }
        }
        throw new IllegalStateException("A reply callable returned callables or awaitables " + UNFOLDING_LIMIT
                + " times in a row; the last was " + Declarations.quote(value));
    }

    private static Object cursorOf(Object converted) {
        return converted instanceof ReplayableStream stream ? stream.cursor() : converted;
    }

    private static Part part(PayloadKind kind, Object value) throws IOException {
        switch (kind) {
            case JSON:
                return Part.json(value instanceof Payload.Json json ? json.value() : value);
            case TEXT:
                return Part.text(((Payload.Text) value).text());
            case RAW:
                return Part.raw(value instanceof Payload.Body body ? body.bytes() : (byte[]) value);
            case FILE:
                return Part.raw(Inputs.file((Path) value));
            case INPUT:
                return Part.raw(Inputs.rest((InputStream) value));
            default:
                return Part.raw(Inputs.rest((Reader) value));
        }
    }

    /** Status, headers, cookies: into the draft before the body starts; refused once the headers are sent. */
    private void meta(Object value) {
        if (out != null) {
            throw new IllegalStateException("The reply payload " + Declarations.quote(value) + " sets the status, "
                    + "headers or cookies, but the stream already sent them with its first chunk. Put it before the "
                    + "first chunk, or send it as data with Payload.json(..).");
        }
        if (value instanceof Integer status) {
            draft.status(status);
        } else if (value instanceof Payload.Headers headers) {
            draft.headers(headers.headers());
        } else if (value instanceof Payload.Cookies cookies) {
            draft.cookies(cookies.cookies());
        } else if (value instanceof Payload.Whole whole) {
            draft.whole(whole);
        } else {
            draft.headers((Map<?, ?>) value);
        }
    }

    private boolean chunk(Part part) throws Disconnected {
        if (out == null) {
            draft.add(part);
            return !streaming;
        }
        send(part.asItem());
        return true;
    }

    private boolean startStream() {
        if (out == null) {
            streaming = true;
            return !draft.hasParts();
        }
        return true;
    }

    /**
     * A feeding point: before the body starts, it starts the stream and is met again first thing in it. In the
     * body, the stream listens (before the headers go out, so a client that sees them can feed at once), then
     * waits for a batch and walks it in place of the point.
     */
    private boolean live(boolean fed) throws Exception {
        if (out == null) {
            streaming = true;
            frames.push(new Frame(ReplayableStream.of(List.of(Payload.LIVE)).cursor(), fed));
            return false;
        }
        listen();
        if (!out.committed()) {
            send(NO_BYTES);
        }
        frames.push(new Frame(feed.take().cursor(), true));
        return true;
    }

    /** Takes the next item of the innermost stream, dropping finished streams. */
    private Object take() {
        while (!frames.isEmpty()) {
            Frame top = frames.peek();
            Object item = top.cursor().next();
            if (item == Cursor.END) {
                frames.pop();
                continue;
            }
            if (top.cursor().spent()) {
                frames.pop();
            }
            takenFromFeed = top.fed();
            if (!takenFromFeed && !leadsToLive(item)) {
                stopListening(); // back in the declared items after a feed without a new feeding point
            }
            return item;
        }
        return Cursor.END;
    }

    private void send(byte[] chunk) throws Disconnected {
        if (feed == null && nextIsLive()) {
            listen(); // a client that reads this chunk may feed at once: listen before it can
        }
        try {
            out.write(chunk);
        } catch (IOException gone) {
            throw new Disconnected(gone);
        }
    }

    /** Whether the next item is visibly a feeding point. */
    private boolean nextIsLive() {
        Frame top = frames.peek();
        return top != null && leadsToLive(top.cursor().peek());
    }

    /** Whether an item is a feeding point, directly or first in (nested) replayable streams. */
    private static boolean leadsToLive(Object item) {
        Object next = item;
        for (int depth = 0; depth < PEEK_LIMIT; depth++) {
            if (next == Payload.LIVE) {
                return true;
            }
            List<Object> nested = next instanceof ReplayableStream stream ? stream.items()
                    : next instanceof Payload.Sequence sequence ? sequence.items() : List.of();
            if (nested.isEmpty()) {
                return false;
            }
            next = nested.get(0);
        }
        return false;
    }

    private void listen() {
        if (feed == null) {
            feed = new LiveFeed();
            reaction.join(feed);
            handler.join(feed);
        }
    }

    private void stopListening() {
        if (feed != null) {
            reaction.leave(feed);
            handler.leave(feed);
            feed = null;
        }
    }

    /** Ends a failed stream with one line naming the failure, as the handler writes it (a Status ERROR event in Kubernetes handlers). */
    private void tell(Throwable failure) {
        try {
            out.write(lastLine.apply(failure));
        } catch (IOException | RuntimeException gone) {
            // the client is gone too: nothing more to tell
        }
    }

    private static Exception raise(Throwable raised) {
        if (raised instanceof Error error) {
            throw error;
        }
        return raised instanceof Exception exception ? exception : new Exception(raised.toString(), raised);
    }

    /** A failed write: the client went away or the server closed; not a failure of the payloads. */
    private static final class Disconnected extends Exception {
        Disconnected(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
