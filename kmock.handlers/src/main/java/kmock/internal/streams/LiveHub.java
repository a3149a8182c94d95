package kmock.internal.streams;

/**
 * The handler-wide feeding hub: streams waiting at a {@code Payload.LIVE} point register here, and
 * {@code kmock.live().feed(...)} feeds all of them. (Seam: the streams package fills this in.)
 */
public final class LiveHub {

    /** Feeds items to every stream waiting at a feeding point now; a no-op when none waits. */
    public void feed(Object... items) {
        // filled in by the streams implementation
    }
}
