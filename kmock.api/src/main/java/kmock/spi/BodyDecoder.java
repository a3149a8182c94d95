package kmock.spi;

/**
 * Turns request bodies of a non-JSON media type into JSON values, so that the Kubernetes emulator can store what
 * clients send in binary encodings (kubectl's typed commands send {@code application/vnd.kubernetes.protobuf}).
 *
 * <p>Found with {@link java.util.ServiceLoader}: {@code io.github.kmock:kmock-protobuf} provides one for Kubernetes
 * protobuf. Implementations must be thread-safe and stateless per call.
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
     * {@code String}, {@code Integer}/{@code Long}, {@code Double}, {@code Boolean} or {@code null}.
     *
     * @throws IllegalArgumentException when the body cannot be decoded (corrupt, truncated, of an unknown type); the
     *                                  message says what is wrong, and the emulator answers it as a 400 Bad Request
     */
    Object decode(byte[] body);
}
