package kmock.internal.k8s.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import kmock.api.Request;
import kmock.internal.json.Json;
import kmock.internal.k8s.patch.Patches;
import kmock.internal.k8s.store.KubernetesException;
import kmock.internal.k8s.store.KubernetesException.Reason;
import kmock.spi.BodyDecoder;

/**
 * Reads the object in a create or replace body by its content type: JSON (also when no type is given), YAML, or
 * any type an optional {@link BodyDecoder} declares (Kubernetes protobuf, with {@code kmock-protobuf}). Anything
 * else is a 415 naming what is accepted; a body that does not decode is a 400.
 */
final class RequestBodies {

    private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    /** The decoders on the module or class path, by media type; found once, as transports are. */
    private static final Map<String, BodyDecoder> DECODERS = ServiceLoader.load(BodyDecoder.class, RequestBodies.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get)
            .collect(Collectors.toUnmodifiableMap(decoder -> decoder.mediaType().toLowerCase(Locale.ROOT), Function.identity(),
                    (first, second) -> first));

    private RequestBodies() {
    }

    /** The object a request carries. @throws KubernetesException 400 or 415 */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Request request) {
        String header = request.header("Content-Type");
        String type = header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Object parsed;
        BodyDecoder decoder = DECODERS.get(type);
        if (decoder != null) {
            try {
                parsed = decoder.decode(request.body());
            } catch (IllegalArgumentException e) {
                throw new KubernetesException(Reason.BAD_REQUEST, "the " + type + " body cannot be decoded: " + e.getMessage());
            }
        } else if (type.isEmpty() || type.contains("json")) {
            parsed = parse(() -> Json.parse(request.body()), "JSON");
        } else if (type.contains("yaml")) {
            parsed = parse(() -> Patches.yaml(request.body()), "YAML");
        } else {
            throw new KubernetesException(Reason.UNSUPPORTED_MEDIA_TYPE, "the content type '" + header
                    + "' is not decoded here: send " + String.join(", ", accepted())
                    + (type.equals(PROTOBUF) ? "; for protobuf, add the artifact io.github.kmock:kmock-protobuf" : ""));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new KubernetesException(Reason.BAD_REQUEST, "the body must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    private static Object parse(Supplier<Object> parser, String format) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new KubernetesException(Reason.BAD_REQUEST, "the body is not valid " + format + ": " + e.getMessage());
        }
    }

    private static List<String> accepted() {
        List<String> types = new ArrayList<>(List.of("application/json", "application/yaml"));
        types.addAll(DECODERS.keySet().stream().sorted().toList());
        return types;
    }
}
