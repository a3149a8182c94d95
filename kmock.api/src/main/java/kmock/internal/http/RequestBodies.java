package kmock.internal.http;

import java.util.function.Consumer;

import kmock.api.Request;

/**
 * The one thing a handler may do to a {@link Request} after serving it: let go of its body, when the handler was
 * told to keep no bodies in its log ({@code RawHandler.builder().keepBodies(false)}). {@code Request} hands this
 * package the means when it loads; nothing else can change a request.
 */
public final class RequestBodies {

    private static volatile Consumer<Request> release;

    private RequestBodies() {}

    /** Called once by {@code Request}'s initialiser. */
    public static void install(Consumer<Request> releaser) {
        if (release != null) {
            throw new IllegalStateException("already installed");
        }
        release = releaser;
    }

    /** Drops the body (and its parsed form) of a served request: it reads as empty from now on. */
    public static void release(Request request) {
        release.accept(request);
    }
}
