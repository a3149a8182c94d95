package kmock.internal.k8s.identity;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import kmock.api.Request;
import kmock.api.Resource;
import kmock.api.Response;
import kmock.internal.k8s.auth.Identity;
import kmock.internal.k8s.emulator.RequestBodies;
import kmock.internal.k8s.requests.KubernetesPath;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.status.StatusReplies;

/**
 * The APIs that answer questions instead of storing objects, as {@code kubectl auth} and token clients call them:
 * access reviews ({@code SelfSubjectAccessReview}, {@code SelfSubjectRulesReview}, {@code SubjectAccessReview},
 * {@code LocalSubjectAccessReview}) allow everything; {@code TokenRequest} ({@code serviceaccounts/NAME/token})
 * issues a token for a stored service account, which then logs in as it. A user rule for the same URL answers
 * first, so a test can deny.
 */
public final class IdentityApis {

    private static final Set<String> ACCESS_REVIEWS =
            Set.of("selfsubjectaccessreviews", "subjectaccessreviews", "localsubjectaccessreviews");
    private static final long DEFAULT_SECONDS = 3600;
    private static final long MIN_SECONDS = 600;

    private final Tokens tokens = new Tokens();
    private final BiFunction<String, String, Map<String, Object>> serviceAccounts;
    private final BiConsumer<String, Identity> issued;

    /**
     * @param serviceAccounts the stored service account of a namespace and name, or {@code null} when there is none
     * @param issued          told of every token issued and whom it identifies, so that requests bearing it log in
     */
    public IdentityApis(
            BiFunction<String, String, Map<String, Object>> serviceAccounts, BiConsumer<String, Identity> issued) {
        this.serviceAccounts = serviceAccounts;
        this.issued = issued;
    }

    /** The answer to a request for one of these APIs, or {@code null} for any other request. */
    public Response serve(Request request) {
        Resource resource = request.resource();
        if (resource == null || !request.method().equals("POST")) {
            return null;
        }
        String plural = resource.plural();
        boolean collection = KubernetesPath.parse(request.path()).name() == null;
        if (resource.group().equals("authorization.k8s.io") && collection) {
            if (ACCESS_REVIEWS.contains(plural)) {
                return answer(
                        request,
                        resource,
                        "status",
                        Map.of("allowed", true, "reason", "the emulator allows every request"));
            }
            if (plural.equals("selfsubjectrulesreviews")) {
                return answer(request, resource, "status", rules());
            }
        }
        if (resource.group().isEmpty() && plural.equals("serviceaccounts") && "token".equals(request.subresource())) {
            return token(request);
        }
        return null;
    }

    /** The request's object with its kind, apiVersion and a status of the given content, as the API answers a review. */
    private static Response answer(Request request, Resource resource, String field, Map<String, Object> content) {
        Map<String, Object> body = bodyOf(request);
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("kind", body.getOrDefault("kind", kindOf(resource.plural())));
        review.put("apiVersion", resource.apiVersion());
        review.put("metadata", Map.of("creationTimestamp", now()));
        if (body.get("spec") != null) {
            review.put("spec", body.get("spec"));
        }
        review.put(field, content);
        return StatusReplies.json(201, review);
    }

    private static Map<String, Object> rules() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put(
                "resourceRules",
                List.of(Map.of("verbs", List.of("*"), "apiGroups", List.of("*"), "resources", List.of("*"))));
        status.put("nonResourceRules", List.of(Map.of("verbs", List.of("*"), "nonResourceURLs", List.of("*"))));
        status.put("incomplete", false);
        return status;
    }

    private Response token(Request request) {
        String namespace = request.namespace();
        String name = request.name();
        Map<String, Object> account = serviceAccounts.apply(namespace, name);
        if (account == null) {
            throw new KubernetesException(
                    Reason.NOT_FOUND, "serviceaccounts \"" + name + "\" not found", name, "", "serviceaccounts");
        }
        Map<String, Object> body = bodyOf(request);
        Map<?, ?> spec = body.get("spec") instanceof Map<?, ?> given ? given : Map.of();
        long seconds = spec.get("expirationSeconds") instanceof Number number ? number.longValue() : DEFAULT_SECONDS;
        if (seconds < MIN_SECONDS || seconds > 1L << 32) {
            throw new KubernetesException(
                    Reason.INVALID,
                    "TokenRequest.authentication.k8s.io \"" + name + "\" is invalid: "
                            + "spec.expirationSeconds: Invalid value: " + seconds + ": may not specify a duration "
                            + (seconds < MIN_SECONDS ? "less than 10 minutes" : "larger than 2^32 seconds"),
                    name,
                    "authentication.k8s.io",
                    "TokenRequest");
        }
        List<String> audiences = spec.get("audiences") instanceof List<?> list && !list.isEmpty()
                ? list.stream().map(String::valueOf).toList()
                : List.of(Tokens.ISSUER);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<?, ?> metadata = account.get("metadata") instanceof Map<?, ?> meta ? meta : Map.of();
        String uid = metadata.get("uid") == null ? "" : String.valueOf(metadata.get("uid"));
        Map<String, Object> answeredSpec = new LinkedHashMap<>();
        answeredSpec.put("audiences", audiences);
        answeredSpec.put("expirationSeconds", seconds);
        answeredSpec.put("boundObjectRef", spec.get("boundObjectRef"));
        String token = tokens.issue(namespace, name, uid, audiences, seconds, now);
        issued.accept(
                token,
                Identity.authenticated(
                        "system:serviceaccount:" + namespace + ":" + name,
                        List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace)));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("token", token);
        status.put("expirationTimestamp", DateTimeFormatter.ISO_INSTANT.format(now.plusSeconds(seconds)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", "TokenRequest");
        answer.put("apiVersion", "authentication.k8s.io/v1");
        answer.put(
                "metadata",
                Map.of(
                        "name",
                        name,
                        "namespace",
                        namespace,
                        "creationTimestamp",
                        DateTimeFormatter.ISO_INSTANT.format(now)));
        answer.put("spec", answeredSpec);
        answer.put("status", status);
        return StatusReplies.json(201, answer);
    }

    /** The request's object; an empty body is an empty object, as these APIs need nothing from it. */
    private static Map<String, Object> bodyOf(Request request) {
        return request.body().length == 0 ? Map.of() : RequestBodies.object(request);
    }

    private static String kindOf(String plural) {
        return switch (plural) {
            case "selfsubjectaccessreviews" -> "SelfSubjectAccessReview";
            case "subjectaccessreviews" -> "SubjectAccessReview";
            case "localsubjectaccessreviews" -> "LocalSubjectAccessReview";
            default -> "SelfSubjectRulesReview";
        };
    }

    private static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
