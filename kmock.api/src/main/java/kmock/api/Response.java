package kmock.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kmock.internal.http.Headers;
import kmock.internal.http.Reasons;

/**
 * One HTTP response from a {@link Handler}: status, reason, headers (case-insensitive, multi-valued) and a body
 * that is either fixed bytes or a {@link StreamingBody} that the transport runs to write chunks as they come.
 *
 * <p>Immutable; build one with {@link #of(int)}, {@link #of(int, byte[])} or {@link #builder()}. Setting a
 * streaming body clears a fixed one and vice versa, so a response is never both.
 *
 * <p>Bodies are shared, never copied: the {@code byte[]} given to the builder is the one {@link #body()} returns,
 * so that a large body costs no copies on its way to the transport. Treat both as read-only.
 *
 * @since 0.1
 */
public final class Response {

    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final String reason;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final StreamingBody stream;

    private Response(Builder builder) {
        this.status = builder.status;
        this.reason = Reasons.orDefault(builder.reason, builder.status);
        this.headers = Headers.copyOf(builder.headers);
        this.body = builder.body;
        this.stream = builder.stream;
    }

    /** An empty response with a status. */
    public static Response of(int status) {
        return builder().status(status).build();
    }

    /** A response with a status and a fixed body. */
    public static Response of(int status, byte[] body) {
        return builder().status(status).body(body).build();
    }

    /** A builder starting at {@code 200 OK} with no headers and an empty body. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this response's status, reason, headers and body, to derive another response. */
    public Builder newBuilder() {
        Builder builder = builder().status(status).reason(reason);
        headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        return stream != null ? builder.stream(stream) : builder.body(body);
    }

    /** The status code, 100 to 999. */
    public int status() {
        return status;
    }

    /** The reason phrase: as given, else the standard one for the status, else empty. */
    public String reason() {
        return reason;
    }

    /** The headers, case-insensitive and multi-valued. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The fixed body (empty for a streaming response); the response's own array: do not change it. */
    public byte[] body() {
        return body == null ? EMPTY : body;
    }

    /** The streaming body, or {@code null} for a fixed one. */
    public StreamingBody stream() {
        return stream;
    }

    /** Whether the body is streamed chunk by chunk. */
    public boolean isStreaming() {
        return stream != null;
    }

    @Override
    public String toString() {
        return status + " " + reason + (isStreaming() ? " [stream]" : " [" + body().length + " bytes]");
    }

    /**
     * Writes a response body chunk by chunk, on the server thread that serves the request.
     *
     * <p>Until the first {@linkplain ChunkWriter#write written} chunk, the producer may still change the status
     * and headers; the first chunk sends them. When the client disconnects or the server closes, a write fails
     * with an {@link IOException} or the producing thread is interrupted: the producer must then return.
     */
    @FunctionalInterface
    public interface StreamingBody {

        /** Produces the body; returning ends the response. */
        void writeTo(ChunkWriter out) throws Exception;
    }

    /** Where a {@link StreamingBody} writes: each chunk is flushed to the client at once. */
    public interface ChunkWriter {

        /** Changes the status before the headers are sent. @throws IllegalStateException once committed */
        void status(int status, String reason);

        /** Adds a header before the headers are sent. @throws IllegalStateException once committed */
        void header(String name, String value);

        /** Sends the headers if not yet sent, then the chunk, and flushes; an empty chunk only sends the headers. */
        void write(byte[] chunk) throws IOException;

        /** Whether the status and headers are already sent. */
        boolean committed();

        /** Writes UTF-8 text as one chunk. */
        default void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Builds a {@link Response}. */
    public static final class Builder {
        private int status = 200;
        private String reason;
        private final Map<String, List<String>> headers = Headers.mutable();
        private byte[] body = EMPTY;
        private StreamingBody stream;

        private Builder() {}

        /** The status code, 100 to 999. */
        public Builder status(int status) {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("HTTP status must be 100..999, got " + status);
            }
            this.status = status;
            return this;
        }

        /** The reason phrase; {@code null} or empty means the standard one. */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** Adds one header value. */
        public Builder header(String name, String value) {
            Headers.add(headers, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Replaces all values of a header with one. */
        public Builder setHeader(String name, String value) {
            headers.remove(name);
            return header(name, value);
        }

        /** A fixed body, kept as given (not copied: do not change the array afterwards); clears a streaming one. */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body");
            this.stream = null;
            return this;
        }

        /** A UTF-8 text body; clears a streaming one. */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /** A streaming body; clears a fixed one. */
        public Builder stream(StreamingBody stream) {
            this.stream = Objects.requireNonNull(stream, "stream");
            this.body = EMPTY;
            return this;
        }

        /** The immutable response. */
        public Response build() {
            return new Response(this);
        }
    }
}
