package kmock.spi;

/**
 * Turns request bodies of a content type that is not JSON or YAML into plain JSON values, so that the Kubernetes
 * emulator stores them like any other object. {@code kmock-protobuf} provides one for
 * {@code application/vnd.kubernetes.protobuf}, which kubectl's typed commands ({@code kubectl create namespace},
 * {@code kubectl run}) send.
 *
 * <p>Found with {@link java.util.ServiceLoader}; a body in a content type that no decoder declares stays a
 * {@code 415}.
 *
 * @since 0.1
 */
public interface BodyDecoder {

    /** The media type decoded, without parameters, in lower case: {@code application/vnd.kubernetes.protobuf}. */
    String mediaType();

    /**
     * Decodes a body into plain values: {@code Map<String, Object>}, {@code List}, {@code String}, numbers,
     * {@code Boolean} or {@code null}, as {@link JsonCodec#parse(byte[])} would produce from the same object's JSON.
     *
     * @throws IllegalArgumentException when the body is corrupt or of a type the decoder does not know, with a
     *                                  message saying which
     */
    Object decode(byte[] body);
}
