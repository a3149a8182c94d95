package kmock.spi;

/**
 * Reads and writes JSON for the whole library, so that request bodies, replies and the embedded client agree on
 * one representation: objects as {@code Map<String, Object>} (insertion-ordered), arrays as {@code List}, and
 * {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} or {@code null}.
 *
 * <p>Found with {@link java.util.ServiceLoader}; the highest {@link #priority()} wins. {@code kmock-api} has a
 * small built-in codec for those plain values; {@code kmock-handlers} provides one on Jackson that also binds
 * arbitrary classes.
 *
 * @since 0.1
 */
public interface JsonCodec {

    /** Higher wins when several codecs are present. The built-in codec has priority 0. */
    int priority();

    /** Parses JSON text into plain values. @throws IllegalArgumentException on malformed JSON */
    Object parse(byte[] json);

    /** Parses JSON and converts it to a type. @throws IllegalArgumentException on malformed JSON or a mismatch */
    <T> T parse(byte[] json, Class<T> type);

    /** Serialises a value (plain values, and whatever else the codec supports) as compact UTF-8 JSON. */
    byte[] write(Object value);
}
