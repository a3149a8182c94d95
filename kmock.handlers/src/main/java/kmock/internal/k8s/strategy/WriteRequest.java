package kmock.internal.k8s.strategy;

import java.util.Locale;

import kmock.api.Request;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.store.WriteOptions;

/**
 * The options of one API write, from its query parameters and headers.
 *
 * @param subresource  {@code null} for the main resource, else {@code status}, {@code scale}, …
 * @param dryRun       {@code dryRun=All}: answer as if written, store nothing
 * @param validation   {@code fieldValidation}: what unknown or duplicate fields cost
 * @param fieldManager the {@code fieldManager} parameter, or {@code null}
 * @param force        {@code force=true} on an apply: take the ownership of conflicting fields
 * @param userAgent    the {@code User-Agent} header, or {@code null}
 */
public record WriteRequest(
        String subresource,
        boolean dryRun,
        FieldValidation validation,
        String fieldManager,
        boolean force,
        String userAgent) {

    /** How unknown and duplicate fields are answered. */
    public enum FieldValidation {
        /** Refused with a 400. */
        STRICT,
        /** Dropped, with a {@code Warning} header per field (the default without the parameter). */
        WARN,
        /** Dropped silently. */
        IGNORE
    }

    /** A plain write of the main resource, as objects() or a test without parameters makes it. */
    public static final WriteRequest PLAIN = new WriteRequest(null, false, FieldValidation.WARN, null, false, null);

    /**
     * The options of a request.
     *
     * @throws KubernetesException 400 for a dryRun or fieldValidation value the API server refuses
     */
    public static WriteRequest of(Request request) {
        String dryRun = request.params().get("dryRun");
        if (dryRun != null && !dryRun.isEmpty() && !dryRun.equals("All")) {
            throw new KubernetesException(
                    Reason.BAD_REQUEST, "dryRun: Unsupported value: \"" + dryRun + "\": supported values: \"All\"");
        }
        return new WriteRequest(
                request.subresource(),
                "All".equals(dryRun),
                validation(request.params().get("fieldValidation")),
                request.params().get("fieldManager"),
                "true".equalsIgnoreCase(request.params().get("force")),
                request.header("User-Agent"));
    }

    /** The store's options for this write. */
    public WriteOptions options() {
        WriteOptions options = dryRun ? WriteOptions.DRY_RUN : WriteOptions.NONE;
        return "status".equals(subresource) ? options.forStatus() : options;
    }

    private static FieldValidation validation(String value) {
        if (value == null || value.isEmpty()) {
            return FieldValidation.WARN;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "strict" -> FieldValidation.STRICT;
            case "warn" -> FieldValidation.WARN;
            case "ignore" -> FieldValidation.IGNORE;
            default ->
                throw new KubernetesException(
                        Reason.BAD_REQUEST,
                        "fieldValidation: Unsupported value: \"" + value
                                + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
        };
    }
}
