package kmock.internal.k8s.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failed Kubernetes API operation: the HTTP status code, the Kubernetes reason and a message, rendered as a
 * {@code Status} object by {@link #toStatus()} for HTTP replies and for {@code ERROR} events of watch streams.
 */
public final class KubernetesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reasons the store reports, with their HTTP status codes as the Kubernetes API server sends them. */
    public enum Reason {
        /** 400: the request itself is malformed or contradicts the URL. */
        BAD_REQUEST(400, "BadRequest"),
        /** 401: no valid credential, while authentication is required. */
        UNAUTHORIZED(401, "Unauthorized"),
        /** 404: no such object. */
        NOT_FOUND(404, "NotFound"),
        /** 409: a create for a name that is taken by a live object. */
        ALREADY_EXISTS(409, "AlreadyExists"),
        /** 409: a write based on a stale resourceVersion, or a failed precondition. */
        CONFLICT(409, "Conflict"),
        /** 410: the requested history is gone. */
        GONE(410, "Gone"),
        /** 410: a resourceVersion or continue token older than the kept history (the API server's reason). */
        EXPIRED(410, "Expired"),
        /** 422: the object is not valid, such as having neither a name nor a generateName. */
        INVALID(422, "Invalid"),
        /** 405: the resource does not support this verb. */
        METHOD_NOT_ALLOWED(405, "MethodNotAllowed"),
        /** 406: none of the representations the client accepts can be served. */
        NOT_ACCEPTABLE(406, "NotAcceptable"),
        /** 415: a request body in a content type the server does not decode. */
        UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType"),
        /** 500: a failure on the server side. */
        INTERNAL_ERROR(500, "InternalError"),
        /**
         * 500 without a reason: kube-apiserver's answer to an error it does not classify, such as a strategic merge
         * patch item without its merge key. The client's fault answered as the API server answers it, not a failure
         * of the emulator.
         */
        UNKNOWN(500, "");

        private final int code;
        private final String text;

        Reason(int code, String text) {
            this.code = code;
            this.text = text;
        }

        /** The HTTP status code. */
        public int code() {
            return code;
        }

        /** The reason as written in a {@code Status} object, such as {@code AlreadyExists}. */
        public String text() {
            return text;
        }
    }

    /**
     * One cause of a failure, as {@code details.causes} lists them.
     *
     * @param reason  the cause's reason, e.g. {@code FieldValueRequired} or {@code FieldManagerConflict}
     * @param message what is wrong
     * @param field   the field path, e.g. {@code spec.template.spec.containers[0].name}, or {@code null}
     */
    public record Cause(String reason, String message, String field) {

        /** The cause as a JSON object (null parts left out). */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            if (reason != null) {
                map.put("reason", reason);
            }
            if (message != null) {
                map.put("message", message);
            }
            if (field != null) {
                map.put("field", field);
            }
            return map;
        }
    }

    private final Reason reason;
    private final String name;
    private final String group;
    private final String kind;
    private final List<Cause> causes;

    /** A failure with details naming the object ({@code kind} is the plural resource name, as the API server sends it). */
    public KubernetesException(Reason reason, String message, String name, String group, String kind) {
        this(reason, message, name, group, kind, List.of());
    }

    /**
     * A failure with causes, such as a 422 listing every invalid field or a 409 listing the conflicting fields of an
     * apply ({@code kind} as the API server sends it for that reason: the Kind for 422, the plural for 404).
     */
    public KubernetesException(
            Reason reason, String message, String name, String group, String kind, List<Cause> causes) {
        super(message);
        this.reason = reason;
        this.name = name;
        this.group = group;
        this.kind = kind;
        this.causes = List.copyOf(causes);
    }

    /** A failure that names no object. */
    public KubernetesException(Reason reason, String message) {
        this(reason, message, null, null, null);
    }

    /** The reason. */
    public Reason reason() {
        return reason;
    }

    /** The HTTP status code. */
    public int code() {
        return reason.code();
    }

    /** The causes, empty when the failure lists none. */
    public List<Cause> causes() {
        return causes;
    }

    /** The failure as a Kubernetes {@code Status} object (a fresh mutable map). */
    public Map<String, Object> toStatus() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (name != null) {
            details.put("name", name);
        }
        if (group != null) {
            details.put("group", group);
        }
        if (kind != null) {
            details.put("kind", kind);
        }
        if (!causes.isEmpty()) {
            List<Object> list = new ArrayList<>();
            causes.forEach(cause -> list.add(cause.toMap()));
            details.put("causes", list);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("apiVersion", "v1");
        status.put("kind", "Status");
        status.put("metadata", new LinkedHashMap<>());
        status.put("status", "Failure");
        status.put("message", getMessage());
        if (!reason.text().isEmpty()) {
            status.put("reason", reason.text());
        }
        status.put("details", details);
        status.put("code", reason.code());
        return status;
    }
}
