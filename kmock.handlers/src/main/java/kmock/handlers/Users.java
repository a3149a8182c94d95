package kmock.handlers;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kmock.api.Request;
import kmock.internal.k8s.auth.Identity;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.tls.Authority;

/**
 * The live, thread-safe users of a Kubernetes handler and how they log in: static bearer tokens, and client
 * certificates issued by the KMock CA (the common name is the user, each organization a group, as in
 * kube-apiserver). Authentication is off by default: callers without a known credential are anonymous. Switched
 * on, a missing or unknown credential is answered {@code 401 Unauthorized}.
 *
 * <pre>{@code
 * emulator.users().add("alice", "system:masters").token("alice", "s3cret").required(true);
 * }</pre>
 *
 * @since 0.1
 */
public final class Users {

    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile boolean required;

    Users() {}

    /** Declares a user and its groups (replacing earlier ones); its client certificates and tokens name it. */
    public Users add(String user, String... groups) {
        this.groups.put(requireName(user), List.copyOf(Arrays.asList(groups)));
        return this;
    }

    /** A static bearer token that logs in as the user (declared with no groups if it was not yet). */
    public Users token(String user, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("A bearer token for " + user + " must not be blank");
        }
        groups.putIfAbsent(requireName(user), List.of());
        tokens.put(token, user);
        return this;
    }

    /** Whether every request must carry a valid credential ({@code 401} otherwise); default {@code false}. */
    public Users required(boolean required) {
        this.required = required;
        return this;
    }

    /** Whether authentication is required. */
    public boolean required() {
        return required;
    }

    /** The declared groups of a user; empty for an undeclared one. */
    public List<String> groups(String user) {
        return groups.getOrDefault(user, List.of());
    }

    /** A bearer token of the user, or {@code null} when it has none. */
    public String tokenOf(String user) {
        return tokens.entrySet().stream()
                .filter(entry -> entry.getValue().equals(user))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /**
     * The request with its caller recorded: from a client certificate of the KMock CA, else from a known bearer
     * token; anonymous (no user recorded) otherwise, or a {@code 401} when authentication is required.
     */
    Request authenticate(Request request) {
        // kube-apiserver's order: a valid client certificate wins, then the bearer token.
        List<X509Certificate> chain = request.clientCertificates();
        if (!chain.isEmpty() && Authority.jvm().issuer().issued(chain.get(0))) {
            return identified(request, Identity.of(chain.get(0)));
        }
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String user = tokens.get(authorization.substring(7).trim());
            if (user != null) {
                return identified(request, Identity.authenticated(user, groups(user)));
            }
            if (required) {
                throw new KubernetesException(
                        KubernetesException.Reason.UNAUTHORIZED,
                        "Unauthorized: the bearer token is unknown;"
                                + " declare it with users().token(user, token), or --token NAME=TOKEN on the command line");
            }
        }
        if (required) {
            throw new KubernetesException(
                    KubernetesException.Reason.UNAUTHORIZED,
                    "Unauthorized: the request carries no "
                            + "valid credential; send a bearer token declared with users().token(...) or a client certificate "
                            + "of the KMock CA (kubeconfig() has one)");
        }
        return request;
    }

    private static Request identified(Request request, Identity identity) {
        return request.withUser(identity.user(), identity.groups());
    }

    private static String requireName(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("A user name must not be blank");
        }
        return user;
    }
}
