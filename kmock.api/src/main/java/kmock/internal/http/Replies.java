package kmock.internal.http;

import kmock.api.Response;

/** The replies a transport makes on its own, identical on every transport. */
public final class Replies {

    private Replies() {}

    /** The last-resort answer to a handler that threw: 500 naming the exception. */
    public static Response failure(Throwable error) {
        return text(500, error.getClass().getName() + ": " + error.getMessage());
    }

    /** The answer to a body over the limit: 413, and the connection closes (the rest of the body is not read). */
    public static Response tooLarge(long maxBodySize) {
        return text(413, "Request body over the limit of " + maxBodySize + " bytes")
                .newBuilder()
                .setHeader("Connection", "close")
                .build();
    }

    /**
     * The answer to a request line whose version is not HTTP/1.0 or HTTP/1.1 (a garbled request line, often): 505,
     * and the connection closes, since nothing after such a line can be trusted.
     */
    public static Response versionNotSupported(String protocol) {
        return text(505, "HTTP version not supported: '" + protocol + "'; send HTTP/1.1")
                .newBuilder()
                .setHeader("Connection", "close")
                .build();
    }

    private static Response text(int status, String message) {
        return Response.builder()
                .status(status)
                .header("Content-Type", "text/plain; charset=utf-8")
                .body(message + "\n")
                .build();
    }
}
