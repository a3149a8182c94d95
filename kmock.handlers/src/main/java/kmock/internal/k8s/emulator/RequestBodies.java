package kmock.internal.k8s.emulator;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import kmock.api.Request;
import kmock.internal.json.Json;
import kmock.internal.k8s.patch.Patches;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.spi.BodyDecoder;

/**
 * The object in a create or replace body: JSON, YAML, or any media type a {@link BodyDecoder} on the class path
 * or module path reads (Kubernetes protobuf with {@code kmock-protobuf}). A body that cannot be read is a 400,
 * a media type nobody reads a 415; either way nothing is stored.
 */
public final class RequestBodies {

    private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private RequestBodies() {}

    /** The JSON object of a request's body. @throws KubernetesException 400 or 415 when there is none to be had */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Request request) {
        String header = request.header("Content-Type");
        String type = header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Object parsed;
        BodyDecoder decoder = Decoders.INSTANCE.byType.get(type);
        if (decoder != null) {
            try {
                parsed = decoder.decode(request.body());
            } catch (IllegalArgumentException e) {
                throw new KubernetesException(
                        Reason.BAD_REQUEST, "the " + type + " body cannot be decoded: " + e.getMessage());
            }
        } else if (type.isEmpty() || type.contains("json") || type.contains("yaml")) {
            try {
                parsed = type.contains("yaml") ? Patches.yaml(request.body()) : Json.parse(request.body());
            } catch (IllegalArgumentException e) {
                throw new KubernetesException(
                        Reason.BAD_REQUEST,
                        "the body is not valid " + (type.contains("yaml") ? "YAML" : "JSON") + ": " + e.getMessage());
            }
        } else if (type.equals(PROTOBUF)) {
            throw new KubernetesException(
                    Reason.UNSUPPORTED_MEDIA_TYPE,
                    "the content type '" + header + "' is not decoded here: "
                            + "add io.github.kmock:kmock-protobuf to the class path or module path to read Kubernetes protobuf "
                            + "(what kubectl's typed commands such as 'kubectl create namespace' send), or send application/json"
                            + Decoders.INSTANCE.failures);
        } else {
            throw new KubernetesException(
                    Reason.UNSUPPORTED_MEDIA_TYPE,
                    "the content type '" + header + "' is not decoded here: send application/json or application/yaml");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new KubernetesException(Reason.BAD_REQUEST, "the body must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    /**
     * The decoders present, by media type; looked up once, on the first body. A provider that fails to load is
     * skipped, so that JSON keeps working, and named in the 415 of the bodies it would have read.
     */
    private static final class Decoders {
        static final Decoders INSTANCE = new Decoders();

        final Map<String, BodyDecoder> byType;
        final String failures;

        private Decoders() {
            Map<String, BodyDecoder> decoders = new HashMap<>();
            StringBuilder failed = new StringBuilder();
            Iterator<BodyDecoder> found = ServiceLoader.load(BodyDecoder.class, RequestBodies.class.getClassLoader())
                    .iterator();
            while (true) {
                try {
                    if (!found.hasNext()) {
                        break;
                    }
                    BodyDecoder decoder = found.next();
                    decoders.putIfAbsent(decoder.mediaType().toLowerCase(Locale.ROOT), decoder);
                } catch (ServiceConfigurationError e) {
                    failed.append(" (a ")
                            .append(BodyDecoder.class.getName())
                            .append(" on the path failed to load: ")
                            .append(e.getMessage())
                            .append(')');
                }
            }
            byType = Map.copyOf(decoders);
            failures = failed.toString();
        }
    }
}
