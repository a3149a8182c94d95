package kmock.internal.k8s.status;

import java.util.Map;

import kmock.api.Response;
import kmock.internal.json.Json;

/** Kubernetes answers as HTTP responses: JSON documents and {@code Status} failures. */
public final class StatusReplies {

    private StatusReplies() {}

    /** A JSON document with a status code. */
    public static Response json(int status, Object document) {
        return Response.builder()
                .status(status)
                .header("Content-Type", "application/json")
                .body(Json.write(document))
                .build();
    }

    /** A failure as a {@code Status} object with its code. */
    public static Response status(KubernetesException failure) {
        Map<String, Object> status = failure.toStatus();
        return json(failure.code(), status);
    }

    /** A failure from a reason and a message. */
    public static Response status(KubernetesException.Reason reason, String message) {
        return status(new KubernetesException(reason, message));
    }
}
