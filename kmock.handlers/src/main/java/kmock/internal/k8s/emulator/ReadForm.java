package kmock.internal.k8s.emulator;

import java.util.Locale;

import kmock.api.Request;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * The representation a read asks for in its {@code Accept} header: the objects themselves (JSON), a
 * {@code meta.k8s.io} {@code Table} ({@code as=Table}, what {@code kubectl get} asks for), or their metadata only
 * ({@code as=PartialObjectMetadata} for an object or a watch, {@code as=PartialObjectMetadataList} for a list, what
 * metadata informers ask for). The first acceptable entry wins; entries this server cannot produce (protobuf
 * tables, say) are passed over, and a header that names only such entries is a 406.
 *
 * @param shape         what to answer
 * @param apiVersion    the {@code meta.k8s.io} version for tables and partial objects
 * @param includeObject for tables: {@code Metadata} (the default), {@code Object} or {@code None}
 */
record ReadForm(Shape shape, String apiVersion, String includeObject) {

    /** What a read answers. */
    enum Shape {
        OBJECTS,
        TABLE,
        METADATA
    }

    /** The plain JSON objects. */
    static final ReadForm OBJECTS = new ReadForm(Shape.OBJECTS, null, null);

    /**
     * The form a read asks for.
     *
     * @param list whether the read is of a collection (a list, not a watch or an object)
     * @throws KubernetesException 406 when every entry asks for a representation this server does not make; 400
     *                             for an unknown {@code includeObject}
     */
    static ReadForm of(Request request, boolean list) {
        String accept = request.header("Accept");
        if (accept == null || accept.isBlank()) {
            return OBJECTS;
        }
        boolean onlyConversions = true;
        for (String entry : accept.split(",")) {
            String[] parts = entry.split(";");
            String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
            String as = null;
            String group = null;
            String version = null;
            for (int i = 1; i < parts.length; i++) {
                String[] pair = parts[i].split("=", 2);
                String key = pair[0].strip().toLowerCase(Locale.ROOT);
                String value = pair.length > 1 ? pair[1].strip() : "";
                switch (key) {
                    case "as" -> as = value;
                    case "g" -> group = value;
                    case "v" -> version = value;
                    default -> {}
                }
            }
            if (as == null) {
                onlyConversions = false;
                continue;
            }
            boolean json = mediaType.equals("application/json")
                    || mediaType.equals("*/*")
                    || mediaType.equals("application/*");
            if (!json || !"meta.k8s.io".equals(group) || !("v1".equals(version) || "v1beta1".equals(version))) {
                continue;
            }
            String apiVersion = "meta.k8s.io/" + version;
            if (as.equals("Table")) {
                return new ReadForm(Shape.TABLE, apiVersion, includeObject(request));
            }
            if (as.equals(list ? "PartialObjectMetadataList" : "PartialObjectMetadata")) {
                return new ReadForm(Shape.METADATA, apiVersion, null);
            }
        }
        if (onlyConversions) {
            throw new KubernetesException(
                    Reason.NOT_ACCEPTABLE,
                    "none of the representations in Accept: " + accept
                            + " can be served here: ask for application/json, optionally with as=Table (lists, objects, "
                            + "watches), as=PartialObjectMetadataList (lists) or as=PartialObjectMetadata (objects, watches), "
                            + "each with g=meta.k8s.io and v=v1 or v1beta1");
        }
        return OBJECTS;
    }

    private static String includeObject(Request request) {
        String value = request.params().get("includeObject");
        if (value == null || value.isEmpty()) {
            return "Metadata";
        }
        if (value.equals("Metadata") || value.equals("Object") || value.equals("None")) {
            return value;
        }
        throw new KubernetesException(
                Reason.BAD_REQUEST,
                "unrecognized includeObject value: \"" + value + "\": use Metadata (the default), Object or None");
    }
}
