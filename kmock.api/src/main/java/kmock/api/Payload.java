package kmock.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The vocabulary of explicit reply payloads, for the cases where a plain value would be read otherwise:
 * {@code reply(Payload.json(404))} sends the number 404 instead of setting the status, {@code Payload.text("hi")}
 * sends text instead of a JSON string, {@code Payload.stream(a, b)} streams items one after another.
 *
 * <p>These are values only; {@code kmock-handlers} interprets them when it builds a response.
 *
 * @since 0.1
 */
public sealed interface Payload
        permits Payload.Json,
                Payload.Body,
                Payload.Text,
                Payload.Headers,
                Payload.Cookies,
                Payload.Whole,
                Payload.Sequence,
                Payload.Live {

    /** A feeding point in a stream: the request waits here for items fed later (the Python original's {@code ...}). */
    Live LIVE = Live.INSTANCE;

    /** A value sent as JSON whatever its type: {@code Payload.json(404)} sends {@code 404}, not a status. */
    static Json json(Object value) {
        return new Json(value);
    }

    /** Raw body bytes. */
    static Body body(byte[] bytes) {
        return new Body(bytes.clone());
    }

    /** UTF-8 text sent as it is, not as a JSON string. */
    static Text text(String text) {
        return new Text(Objects.requireNonNull(text, "text"));
    }

    /** Response headers; values are strings or lists of strings. */
    static Headers headers(Map<String, ?> headers) {
        return new Headers(copy(headers));
    }

    /** Cookies, sent as {@code Set-Cookie} headers. */
    static Cookies cookies(Map<String, ?> cookies) {
        return new Cookies(copy(cookies));
    }

    /**
     * A whole response at once; any part may be {@code null}. The content is a body as {@link #body} takes it
     * ({@code byte[]}) or any other value, sent as JSON.
     */
    static Whole response(
            Integer status, String reason, Map<String, ?> headers, Map<String, ?> cookies, Object content) {
        return new Whole(
                status,
                reason,
                headers == null ? Map.of() : copy(headers),
                cookies == null ? Map.of() : copy(cookies),
                content);
    }

    /** A replayable stream: every request gets all the items, in order (the Python original's tuple). */
    static Sequence stream(Object... items) {
        return new Sequence(Collections.unmodifiableList(Arrays.asList(items.clone())));
    }

    private static Map<String, Object> copy(Map<String, ?> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map, "map")));
    }

    /** A value sent as JSON. @param value any JSON-able value, {@code null} included */
    record Json(Object value) implements Payload {}

    /** Raw bytes. @param bytes the body */
    record Body(byte[] bytes) implements Payload {
        /** The bytes (a copy). */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** UTF-8 text. @param text the body */
    record Text(String text) implements Payload {}

    /** Response headers. @param headers names to a string or a list of strings */
    record Headers(Map<String, Object> headers) implements Payload {}

    /** Cookies. @param cookies names to values */
    record Cookies(Map<String, Object> cookies) implements Payload {}

    /**
     * A whole response.
     *
     * @param status  the status, or {@code null} to keep the default
     * @param reason  the reason phrase, or {@code null}
     * @param headers response headers
     * @param cookies cookies to set
     * @param content the body: {@code byte[]} raw, anything else as JSON, {@code null} for none
     */
    record Whole(
            Integer status, String reason, Map<String, Object> headers, Map<String, Object> cookies, Object content)
            implements Payload {}

    /** A replayable stream of items. @param items the items, in order */
    record Sequence(List<Object> items) implements Payload {}

    /** The feeding point type; use {@link Payload#LIVE}. */
    enum Live implements Payload {
        /** The only feeding point. */
        INSTANCE
    }
}
