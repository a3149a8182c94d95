package kmock.spi;

/**
 * Turns request bodies of a non-JSON media type into JSON values, so that the Kubernetes emulator can store what
 * clients send in binary encodings (kubectl's typed {@code create} commands send
 * {@code application/vnd.kubernetes.protobuf}; {@code io.github.kmock:kmock-protobuf} decodes it).
 *
 * <p>Found with {@link java.util.ServiceLoader} ({@code provides kmock.spi.BodyDecoder with …} on the module path,
 * {@code META-INF/services/kmock.spi.BodyDecoder} on the class path); when two claim one media type, the first
 * found wins. The emulator calls {@link #decode} for create and replace bodies (POST, and PUT of objects and their
 * {@code status}/{@code scale}), concurrently from its serving threads; patches keep their own media types. JSON
 * and YAML need no decoder. The smallest correct implementation:
 *
 * <pre>{@code
 * public final class KeyValueDecoder implements BodyDecoder {       // "a=1\nb=2" -> {"a": "1", "b": "2"}
 *     public String mediaType() { return "text/x-key-value"; }
 *     public Object decode(byte[] body) {
 *         Map<String, Object> object = new LinkedHashMap<>();
 *         for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
 *             String[] pair = line.split("=", 2);
 *             if (pair.length < 2) throw new IllegalArgumentException("no '=' in line: " + line);
 *             object.put(pair[0], pair[1]);
 *         }
 *         return object;
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface BodyDecoder {

    /**
     * The media type this decoder reads, without parameters, such as {@code application/vnd.kubernetes.protobuf};
     * a request's {@code Content-Type} matches it case-insensitively, with its parameters ignored.
     */
    String mediaType();

    /**
     * Decodes a whole body into plain JSON values: {@code Map<String, Object>} (insertion-ordered), {@code List},
     * {@code String}, {@code Integer}/{@code Long}, {@code Double}, {@code Boolean} or {@code null}. Must be
     * thread-safe.
     *
     * @throws IllegalArgumentException when the body cannot be decoded (corrupt, truncated, of an unknown type); the
     *                                  message says what is wrong, and the emulator answers it as a 400 Bad Request
     *                                  with that message and stores nothing
     */
    Object decode(byte[] body);
}
