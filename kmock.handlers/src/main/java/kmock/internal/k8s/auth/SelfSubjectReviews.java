package kmock.internal.k8s.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import kmock.api.Request;
import kmock.api.Response;
import kmock.internal.k8s.status.StatusReplies;

/**
 * {@code SelfSubjectReview} ({@code kubectl auth whoami}): a create that stores nothing and answers the caller's
 * identity, as the authentication layer recorded it on the request.
 */
public final class SelfSubjectReviews {

    private static final String GROUP = "authentication.k8s.io";

    private SelfSubjectReviews() {}

    /** The answer when the request creates a review (any served version), else {@code null}. */
    public static Response answer(Request request) {
        // The name last: for a create it is read from the body, which needs parsing.
        if (!request.method().equals("POST")
                || request.resource() == null
                || !GROUP.equals(request.resource().group())
                || !"selfsubjectreviews".equals(request.resource().plural())
                || request.name() != null) {
            return null;
        }
        Identity caller = Identity.of(request);
        Map<String, Object> userInfo = new LinkedHashMap<>();
        userInfo.put("username", caller.user());
        userInfo.put("groups", caller.groups());
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("kind", "SelfSubjectReview");
        review.put("apiVersion", GROUP + "/" + request.resource().version());
        review.put(
                "metadata",
                Map.of(
                        "creationTimestamp",
                        java.time.Instant.now()
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .toString()));
        review.put("status", Map.of("userInfo", userInfo));
        return StatusReplies.json(201, review);
    }
}
