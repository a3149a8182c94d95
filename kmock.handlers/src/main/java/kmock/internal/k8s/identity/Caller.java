package kmock.internal.k8s.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kmock.api.Request;

/**
 * Who a request acts as, in the {@code UserInfo} shape of the authentication API: the user it impersonates
 * ({@code Impersonate-User}, {@code -Group}, {@code -Uid}, {@code -Extra-*}; what {@code kubectl --as} sends), else
 * the service account of a bearer token this emulator issued, else {@code system:anonymous}. The one place that
 * answers the question, so that authentication can extend it.
 */
public final class Caller {

    private Caller() {
    }

    /** The caller's user info: {@code username}, {@code uid}, {@code groups}, {@code extra} as present. */
    public static Map<String, Object> of(Request request, Tokens tokens) {
        String impersonated = request.header("Impersonate-User");
        if (impersonated != null && !impersonated.isBlank()) {
            return impersonation(request, impersonated);
        }
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Map<?, ?> claims = tokens.verify(authorization.substring(7).strip(), Instant.now());
            if (claims != null && claims.get("kubernetes.io") instanceof Map<?, ?> kubernetes
                    && kubernetes.get("serviceaccount") instanceof Map<?, ?> account) {
                String namespace = String.valueOf(kubernetes.get("namespace"));
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("username", claims.get("sub"));
                user.put("uid", account.get("uid"));
                user.put("groups", List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace,
                        "system:authenticated"));
                return user;
            }
        }
        Map<String, Object> anonymous = new LinkedHashMap<>();
        anonymous.put("username", "system:anonymous");
        anonymous.put("groups", List.of("system:unauthenticated"));
        return anonymous;
    }

    private static Map<String, Object> impersonation(Request request, String username) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        String uid = request.header("Impersonate-Uid");
        if (uid != null && !uid.isBlank()) {
            user.put("uid", uid);
        }
        List<String> groups = new ArrayList<>(request.headers().getOrDefault("Impersonate-Group", List.of()));
        if (!username.equals("system:anonymous") && !groups.contains("system:authenticated")) {
            groups.add("system:authenticated");
        }
        user.put("groups", groups);
        Map<String, Object> extra = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("impersonate-extra-")) {
                extra.put(name.substring("impersonate-extra-".length()).toLowerCase(Locale.ROOT), values);
            }
        });
        if (!extra.isEmpty()) {
            user.put("extra", extra);
        }
        return user;
    }
}
