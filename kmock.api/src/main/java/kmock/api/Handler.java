package kmock.api;

/**
 * Turns one request into one response: the whole contract between a {@link Server} and the logic behind it.
 *
 * <p>The server calls {@link #handle} on one of its own threads, concurrently for concurrent requests, so an
 * implementation must be thread-safe. An exception thrown from {@code handle} becomes a {@code 500} response;
 * the transport never lets it escape. The smallest correct handler answers every request with {@code 204}:
 *
 * <pre>{@code
 * Handler noContent = request -> Response.of(204);
 * try (Server server = Server.builder(noContent).start()) { ... }
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Handler {

    /** Answers one request; called concurrently from the server's threads. */
    Response handle(Request request) throws Exception;

    /**
     * Answers a request when that needs no waiting at all (no I/O, no sleeps, no user callbacks: a reply that is
     * already known), or returns {@code null} having done nothing, and the server then calls {@link #handle} on a
     * thread that may block. Transports that read requests on I/O threads call it there first, sparing the
     * hand-off to another thread. The default answers {@code null}: every request goes to {@link #handle}.
     *
     * @since 0.1
     */
    default Response handleWithoutBlocking(Request request) throws Exception {
        return null;
    }

    /** Called by a server when it starts serving this handler; a handler may serve several servers at once. */
    default void attach(Server server) {}

    /** Called by a server when it closes; after the last detach the handler serves no server. */
    default void detach(Server server) {}

    /**
     * A handler around another one, for logging, counting or delaying: it forwards {@link #attach} and
     * {@link #detach}, so the wrapped handler knows its servers (a {@code RawHandler}'s client and URL work) without
     * the wrapper having to remember. Override {@link #handle} and call {@code super.handle(request)} to serve; a
     * wrapper answers nothing in {@link #handleWithoutBlocking}, so that every request reaches its {@code handle}:
     *
     * <pre>{@code
     * Handler logged = new Handler.Wrapper(kmock) {
     *     public Response handle(Request request) throws Exception {
     *         Response response = super.handle(request);
     *         System.err.println(response.status() + " " + request);
     *         return response;
     *     }
     * };
     * }</pre>
     *
     * @since 0.1
     */
    abstract class Wrapper implements Handler {

        private final Handler wrapped;

        /** Wraps a handler. */
        protected Wrapper(Handler wrapped) {
            this.wrapped = java.util.Objects.requireNonNull(wrapped, "wrapped");
        }

        /** The handler inside. */
        public Handler wrapped() {
            return wrapped;
        }

        /** Serves with the wrapped handler. */
        @Override
        public Response handle(Request request) throws Exception {
            return wrapped.handle(request);
        }

        /** Attaches the wrapped handler; an override must call {@code super.attach(server)}. */
        @Override
        public void attach(Server server) {
            wrapped.attach(server);
        }

        /** Detaches the wrapped handler; an override must call {@code super.detach(server)}. */
        @Override
        public void detach(Server server) {
            wrapped.detach(server);
        }
    }
}
