package kmock.internal.streams;

import kmock.internal.payloads.Declarations;

/**
 * The handler-wide feeding hub ({@code kmock.live().feed(...)}, the Python original's {@code kmock[...] << x}):
 * every stream of the handler that listens at a {@code Payload.LIVE} feeding point gets the items fed here.
 * Thread-safe.
 */
public final class LiveHub {

    private final LiveGroup group = new LiveGroup();

    /** A hub with no listening streams. */
    public LiveHub() {}

    /**
     * Feeds items to every stream waiting at a feeding point now; a no-op when none waits. Items with a new
     * {@code Payload.LIVE} make the streams wait there again; without one, the streams run to their end.
     *
     * @throws IllegalArgumentException for an item that is no payload, before anything is fed
     */
    public void feed(Object... items) {
        group.feed(Declarations.batch(items));
    }

    /** How many streams listen for feeds now (for diagnostics and tests). */
    public int waiting() {
        return group.size();
    }

    /** The streams that listen, for the renderers that join and leave it. */
    public LiveGroup group() {
        return group;
    }
}
