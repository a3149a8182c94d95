package kmock.handlers;

/**
 * A declared response (or a spy, when it has no payloads) for the requests of a view; also a {@link View} whose log
 * is the requests it took (answered or recorded), each from the moment it was taken, before a delayed reply is sent. {@code reply(...)} on a reaction adds to the same response, so
 * {@code kmock.on("/").reply(404).reply(Map.of("error", "nope"))} is one response.
 *
 * @since 0.1
 */
public interface Reaction extends View {

    /** Adds payloads to this reaction's response. */
    @Override
    Reaction reply(Object... payloads);

    /** Adds side effects to this reaction. */
    @Override
    Reaction sink(Object... sinks);

    /**
     * Feeds items to the streams of this reaction that wait at a {@code Payload.LIVE} feeding point; items fed
     * without a new {@code Payload.LIVE} let those streams run to their end. A feed that reaches no waiting
     * stream is a no-op.
     */
    void feed(Object... items);
}
