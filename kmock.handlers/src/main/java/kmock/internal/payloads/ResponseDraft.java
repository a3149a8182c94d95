package kmock.internal.payloads;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import kmock.api.Payload;
import kmock.api.Response;
import kmock.internal.http.Headers;

/**
 * A response while its payloads are being interpreted: status, reason and headers that may still change, and the
 * body parts gathered before the first chunk is due. Becomes a fixed {@link Response} when no stream is involved,
 * else the head of a streaming one. Used by one request's thread only.
 */
final class ResponseDraft {

    private static final String JSON_TYPE = "application/json";
    private static final String TEXT_TYPE = "text/plain; charset=utf-8";

    private int status = 200;
    private String reason;
    private final Map<String, List<String>> headers = Headers.mutable();
    private final List<Part> parts = new ArrayList<>();

    void status(int status) {
        this.status = status;
    }

    void reason(String reason) {
        this.reason = reason;
    }

    /** Sets headers: a later value replaces an earlier one, a list sets several values, {@code null} removes. */
    void headers(Map<?, ?> values) {
        values.forEach((name, value) -> {
            String key = String.valueOf(name);
            headers.remove(key);
            if (value instanceof Collection<?> many) {
                many.forEach(one -> Headers.add(headers, key, String.valueOf(one)));
            } else if (value != null) {
                Headers.add(headers, key, String.valueOf(value));
            }
        });
    }

    /** Adds one {@code Set-Cookie} per cookie; a {@code null} value expires the cookie. */
    void cookies(Map<?, ?> cookies) {
        cookies.forEach((name, value) ->
                Headers.add(headers, "Set-Cookie", value == null ? name + "=; Max-Age=0" : name + "=" + value));
    }

    /** The status, reason, headers and cookies of a whole response (its content is interpreted separately). */
    void whole(Payload.Whole whole) {
        if (whole.status() != null) {
            status(whole.status());
        }
        if (whole.reason() != null) {
            reason(whole.reason());
        }
        headers(whole.headers());
        cookies(whole.cookies());
    }

    /** A status, headers, cookies or the head of a whole response, as declared or met before the body starts. */
    void apply(Object meta) {
        if (meta instanceof Integer code) {
            status(code);
        } else if (meta instanceof Payload.Headers declared) {
            headers(declared.headers());
        } else if (meta instanceof Payload.Cookies declared) {
            cookies(declared.cookies());
        } else if (meta instanceof Payload.Whole whole) {
            whole(whole);
        } else {
            headers((Map<?, ?>) meta);
        }
    }

    void add(Part part) {
        parts.add(part);
    }

    boolean hasParts() {
        return !parts.isEmpty();
    }

    /**
     * The gathered parts as the first chunk of a stream: every part as a stream item (JSON as lines); then the
     * draft holds no parts.
     */
    byte[] takeChunk() {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        parts.forEach(part -> chunk.writeBytes(part.asItem()));
        parts.clear();
        return chunk.toByteArray();
    }

    /** The fixed response: one part as it is, several concatenated with JSON parts as lines. */
    Response fixed() {
        Response.Builder builder = head();
        if (parts.size() == 1) {
            builder.body(parts.get(0).bytes());
        } else if (!parts.isEmpty()) {
            builder.body(takeChunk());
        }
        return builder.build();
    }

    /** The status, reason and headers gathered so far, with a content type that fits the gathered parts. */
    Response.Builder head() {
        Response.Builder builder = Response.builder().status(status).reason(reason);
        headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        String type = defaultContentType();
        if (type != null && !headers.containsKey("Content-Type")) {
            builder.header("Content-Type", type);
        }
        return builder;
    }

    private String defaultContentType() {
        if (parts.isEmpty()) {
            return null;
        }
        Part.Form form = parts.get(0).form();
        for (Part part : parts) {
            if (part.form() != form) {
                return null;
            }
        }
        return form == Part.Form.JSON ? JSON_TYPE : form == Part.Form.TEXT ? TEXT_TYPE : null;
    }
}
