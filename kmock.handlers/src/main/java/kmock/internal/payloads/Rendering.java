package kmock.internal.payloads;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import kmock.api.Payload;
import kmock.api.Request;
import kmock.api.Response;
import kmock.internal.streams.LiveGroup;
import kmock.internal.streams.ReplayableStream;

/**
 * The response to one request, interpreted from a reaction's payloads in order, in two phases.
 *
 * <p>The head phase (this class) walks the payloads until the first body chunk is due, gathering the status,
 * headers, cookies and body parts: with no stream among the payloads it returns a fixed response; once a stream
 * is met (a replayable or depletable stream, a feeding point) it returns a streaming response whose body phase,
 * {@link StreamWriting}, continues the same {@link Walk} on the transport's thread. So status and headers may
 * change until the first chunk, and a stream that ends before giving any chunk is depleted
 * ({@link NoSuchElementException}), letting the next reaction serve.
 */
final class Rendering {

    private final Request request;
    private final Consumer<Throwable> errors;
    private final Function<Throwable, byte[]> lastLine;
    private final LiveGroup reaction;
    private final LiveGroup handler;
    private final ResponseDraft draft = new ResponseDraft();
    private final Walk walk = new Walk();
    /** Whether a stream was met: the response streams, and a walk that ends before its first chunk is depleted. */
    private boolean streaming;

    Rendering(
            Request request,
            Consumer<Throwable> errors,
            Function<Throwable, byte[]> lastLine,
            LiveGroup reaction,
            LiveGroup handler) {
        this.request = request;
        this.errors = errors == null ? failure -> {} : errors;
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
        metas.forEach(draft::apply);
        walk.push(body.cursor(), false);
        for (Walk.Taken taken = walk.take(); taken != null; taken = walk.take()) {
            if (startsStream(taken.item(), taken.fed())) {
                return streamingResponse();
            }
        }
        if (streaming) {
            throw new NoSuchElementException("The stream ended before its first item: its sources are depleted");
        }
        return draft.fixed();
    }

    /** Interprets one item of the head; {@code true} when the stream must start now (a chunk or a feeding point is due). */
    private boolean startsStream(Object item, boolean fed) throws Exception {
        Unfolding.Unfolded unfolded = Unfolding.unfold(item, request, draft::apply);
        switch (unfolded.kind()) {
            case NOTHING:
                return false;
            case STATUS:
            case HEADERS:
            case COOKIES:
                draft.apply(unfolded.value());
                return false;
            case REPLAY:
            case DEPLETABLE:
                walk.push(Unfolding.cursor(unfolded.value()), fed);
                streaming = true;
                return draft.hasParts();
            case LIVE:
                // The feeding point is met again, first thing in the body, where the stream can listen.
                walk.push(ReplayableStream.of(List.of(Payload.LIVE)).cursor(), fed);
                streaming = true;
                return true;
            default:
                draft.add(Unfolding.part(unfolded));
                return streaming;
        }
    }

    /** The head as it stands, and a body that sends the parts gathered so far, then walks on. */
    private Response streamingResponse() {
        Response.Builder head = draft.head();
        byte[] first = draft.hasParts() ? draft.takeChunk() : null;
        AtomicBoolean written = new AtomicBoolean();
        return head.stream(out -> {
                    if (!written.compareAndSet(false, true)) {
                        throw new IllegalStateException("A streaming reply body can be written only once");
                    }
                    new StreamWriting(request, walk, errors, lastLine, reaction, handler, out).write(first);
                })
                .build();
    }
}
