package kmock.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import kmock.internal.http.Headers;
import kmock.internal.http.Reasons;
import kmock.internal.json.Json;

/**
 * A fully read response of the embedded {@link Client}: immutable, with the body in memory.
 *
 * <p>Bodies are shared, never copied: the {@code byte[]} given to the constructor is the one {@link #body()} returns,
 * so that a large body costs no copies on its way from the transport to the test. Treat both as read-only.
 *
 * @since 0.1
 */
public final class KResponse {

    private final int status;
    private final String reason;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /** A response as a transport read it (the body is kept, not copied); a missing reason is derived from the status. */
    public KResponse(int status, String reason, Map<String, ? extends List<String>> headers, byte[] body) {
        this.status = status;
        this.reason = Reasons.orDefault(reason, status);
        this.headers = Headers.copyOf(headers);
        this.body = body == null ? new byte[0] : body;
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The reason phrase: from the wire, else the standard one for the status. */
    public String reason() {
        return reason;
    }

    /** The headers, case-insensitive and multi-valued. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, or {@code null} when absent. */
    public String header(String name) {
        return Headers.first(headers, name);
    }

    /** Cookies set by {@code Set-Cookie} headers: name to value. */
    public Map<String, String> cookies() {
        return Headers.responseCookies(headers);
    }

    /** The body bytes; the response's own array: do not change it. */
    public byte[] body() {
        return body;
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body parsed as JSON: maps, lists, strings, numbers, booleans or {@code null}.
     *
     * @throws IllegalArgumentException when the body is not JSON
     */
    public Object json() {
        return Json.parse(body);
    }

    /**
     * The body parsed as JSON and converted to a type (any class with {@code kmock-handlers}' Jackson codec;
     * plain JSON types otherwise).
     *
     * @throws IllegalArgumentException when the body is not JSON or does not fit the type
     */
    public <T> T json(Class<T> type) {
        return Json.codec().parse(body, type);
    }

    @Override
    public String toString() {
        return status + " " + reason + " [" + body.length + " bytes]";
    }
}
