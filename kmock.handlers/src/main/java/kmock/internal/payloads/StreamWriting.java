package kmock.internal.payloads;

import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

import kmock.api.Payload;
import kmock.api.Request;
import kmock.api.Response;
import kmock.internal.streams.LiveFeed;
import kmock.internal.streams.LiveGroup;

/**
 * The body phase of a streaming reply: continues the walk that {@link Rendering} began, writing each item as a
 * chunk as soon as it is reached, on the transport's thread. The headers went out with the first chunk, so a
 * plain status-like integer or header-like map here is data (a JSON line), as in the original's streams, while an
 * explicit {@code Payload.headers}, {@code cookies} or {@code response} is a failure. At a feeding point the
 * stream listens for {@code feed(..)} and walks what it gets in place of the point.
 *
 * <p>A failure of a payload is recorded and ends the stream with one line naming it; a depleted source ends this
 * request's stream quietly; a client that went away ends it with the write's {@link IOException}.
 */
final class StreamWriting {

    private static final byte[] NO_BYTES = new byte[0];

    private final Request request;
    private final Walk walk;
    private final Consumer<Throwable> errors;
    /** The last line of a stream that fails: plain text, or a Status ERROR event in Kubernetes handlers. */
    private final Function<Throwable, byte[]> lastLine;

    private final LiveGroup reaction;
    private final LiveGroup handler;
    private final Response.ChunkWriter out;
    /** The feed this stream listens to while it is at, or about to reach, a feeding point; {@code null} otherwise. */
    private LiveFeed feed;

    StreamWriting(
            Request request,
            Walk walk,
            Consumer<Throwable> errors,
            Function<Throwable, byte[]> lastLine,
            LiveGroup reaction,
            LiveGroup handler,
            Response.ChunkWriter out) {
        this.request = request;
        this.walk = walk;
        this.errors = errors;
        this.lastLine = lastLine;
        this.reaction = reaction;
        this.handler = handler;
        this.out = out;
    }

    /** Sends the chunk the head phase gathered (if any), then every item left in the walk. */
    void write(byte[] first) throws Exception {
        try {
            if (first != null) {
                send(first);
            }
            for (Walk.Taken taken = walk.take(); taken != null; taken = walk.take()) {
                if (!taken.fed() && !Walk.leadsToLive(taken.item())) {
                    stopListening(); // back in the declared items after a feed without a new feeding point
                }
                write(taken.item(), taken.fed());
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

    /** Writes one item: a chunk, a nested stream walked in place, or a feeding point waited at. */
    private void write(Object item, boolean fed) throws Exception {
        Unfolding.Unfolded unfolded = Unfolding.unfold(item, request, StreamWriting::refuseHead);
        Object value = unfolded.value();
        switch (unfolded.kind()) {
            case NOTHING:
                return;
            case STATUS:
            case HEADERS:
                if (value instanceof Payload) {
                    refuseHead(value);
                }
                send(Part.json(value).asItem()); // the headers are sent: a plain number or map is data
                return;
            case COOKIES:
                refuseHead(value);
                return;
            case REPLAY:
            case DEPLETABLE:
                walk.push(Unfolding.cursor(value), fed);
                return;
            case LIVE:
                listen(); // before the headers go out, so that a client that sees them can feed at once
                if (!out.committed()) {
                    send(NO_BYTES);
                }
                walk.push(feed.take().cursor(), true);
                return;
            default:
                send(Unfolding.part(unfolded).asItem());
        }
    }

    private static void refuseHead(Object value) {
        throw new IllegalStateException("The reply payload " + Declarations.quote(value) + " sets the status, "
                + "headers or cookies, but the stream already sent them with its first chunk. Put it before the "
                + "first chunk, or send it as data with Payload.json(..).");
    }

    private void send(byte[] chunk) throws Disconnected {
        if (feed == null && walk.nextIsLive()) {
            listen(); // a client that reads this chunk may feed at once: listen before it can
        }
        try {
            out.write(chunk);
        } catch (IOException gone) {
            throw new Disconnected(gone);
        }
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

    /** Ends a failed stream with one line naming the failure, as the handler writes it. */
    private void tell(Throwable failure) {
        try {
            out.write(lastLine.apply(failure));
        } catch (IOException | RuntimeException gone) {
            // the client is gone too: nothing more to tell
        }
    }

    /** A failed write: the client went away or the server closed; not a failure of the payloads. */
    private static final class Disconnected extends Exception {
        private static final long serialVersionUID = 1L;

        Disconnected(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
