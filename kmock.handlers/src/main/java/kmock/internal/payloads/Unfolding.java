package kmock.internal.payloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import kmock.api.Payload;
import kmock.api.Request;
import kmock.internal.streams.Cursor;
import kmock.internal.streams.ReplayableStream;

/**
 * What both phases of a rendering do to an item before they use it: callables are called, awaitables awaited,
 * durations slept and throwables raised, repeatedly, until a value remains that a phase acts on; a whole response
 * hands its status, headers and cookies to the phase and goes on with its content.
 */
final class Unfolding {

    private static final int LIMIT = 1000;

    /**
     * An item unfolded.
     *
     * @param kind  what the value is; never {@code CALL}, {@code AWAIT}, {@code WHOLE}, {@code SLEEP} or {@code RAISE}
     * @param value the value
     */
    record Unfolded(PayloadKind kind, Object value) {}

    private Unfolding() {}

    /**
     * Unfolds an item for one request.
     *
     * @param head where the status, headers and cookies of a {@code Payload.response(..)} go
     * @throws Exception the failure a payload raises or a callable throws
     */
    static Unfolded unfold(Object item, Request request, Consumer<Object> head) throws Exception {
        Object value = item;
        for (int unfolded = 0; unfolded < LIMIT; unfolded++) {
            PayloadKind kind = PayloadKind.of(value);
            if (kind == null) {
                throw Declarations.unsupported(value);
            }
            switch (kind) {
                case WHOLE -> {
                    Payload.Whole whole = (Payload.Whole) Declarations.payload(value);
                    head.accept(
                            new Payload.Whole(whole.status(), whole.reason(), whole.headers(), whole.cookies(), null));
                    value = whole.content();
                }
                case CALL -> value = Evaluation.call(value, request);
                case AWAIT -> value = Evaluation.await(value);
                case SLEEP -> {
                    Evaluation.sleep((Duration) value);
                    return new Unfolded(PayloadKind.NOTHING, null);
                }
                case RAISE -> throw raise(Evaluation.raised(value));
                default -> {
                    return new Unfolded(kind, value);
                }
            }
        }
        throw new IllegalStateException("A reply callable returned callables or awaitables " + LIMIT
                + " times in a row; the last was " + Declarations.quote(value));
    }

    /** The cursor of a replayable or depletable stream value. */
    static Cursor cursor(Object stream) {
        Object converted = Declarations.payload(stream);
        return converted instanceof ReplayableStream replayable ? replayable.cursor() : (Cursor) converted;
    }

    /** The body part of a value of a body kind: JSON, text, raw bytes, a file, an input stream, a reader. */
    static Part part(Unfolded unfolded) throws IOException {
        Object value = unfolded.value();
        switch (unfolded.kind()) {
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
            case READER:
                return Part.raw(Inputs.rest((Reader) value));
            default:
                throw new IllegalArgumentException("Not a body part: " + unfolded.kind());
        }
    }

    private static Exception raise(Throwable raised) {
        if (raised instanceof Error error) {
            throw error;
        }
        return raised instanceof Exception exception ? exception : new Exception(raised.toString(), raised);
    }
}
