package kmock.internal.k8s.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

import kmock.api.Request;

/**
 * Who a Kubernetes request comes from, as kube-apiserver names callers: a user and groups, authenticated callers
 * in {@code system:authenticated}, everyone else {@code system:anonymous} in {@code system:unauthenticated}.
 * The one place that reads the identity a handler recorded on a request ({@link Request#user()}).
 */
public record Identity(String user, List<String> groups) {

    /** The group of every authenticated caller. */
    public static final String AUTHENTICATED = "system:authenticated";
    /** A caller without credentials. */
    public static final Identity ANONYMOUS = new Identity("system:anonymous", List.of("system:unauthenticated"));

    /**
     * The caller of a request: the user it impersonates ({@code Impersonate-User} and {@code Impersonate-Group}, what
     * {@code kubectl --as} sends; everyone may impersonate here), else the recorded identity, else anonymous.
     */
    public static Identity of(Request request) {
        String impersonated = request.header("Impersonate-User");
        if (impersonated != null && !impersonated.isBlank()) {
            List<String> groups = request.headers().getOrDefault("Impersonate-Group", List.of());
            return impersonated.equals(ANONYMOUS.user())
                    ? new Identity(impersonated, groups)
                    : authenticated(impersonated, groups);
        }
        return request.user() == null ? ANONYMOUS : new Identity(request.user(), request.groups());
    }

    /** An authenticated identity: the user's groups plus {@code system:authenticated}. */
    public static Identity authenticated(String user, List<String> groups) {
        List<String> all = new ArrayList<>(groups);
        if (!all.contains(AUTHENTICATED)) {
            all.add(AUTHENTICATED);
        }
        return new Identity(user, List.copyOf(all));
    }

    /** The identity a client certificate names, as kube-apiserver reads it: the common name and the organizations. */
    public static Identity of(X509Certificate certificate) {
        String user = null;
        List<String> groups = new ArrayList<>();
        List<String[]> attributes = attributes(certificate.getSubjectX500Principal());
        java.util.Collections.reverse(attributes); // RFC 2253 writes the last RDN first; groups keep their order
        for (String[] attribute : attributes) {
            if (attribute[0].equalsIgnoreCase("CN") && user == null) {
                user = attribute[1];
            } else if (attribute[0].equalsIgnoreCase("O")) {
                groups.add(attribute[1]);
            }
        }
        return authenticated(user == null ? "" : user, groups);
    }

    /** Type and value of each attribute of an RFC 2253 name, unescaped. */
    private static List<String[]> attributes(X500Principal principal) {
        String name = principal.getName(X500Principal.RFC2253);
        List<String[]> attributes = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String type = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 1 < name.length()) {
                current.append(name.charAt(++i));
            } else if (c == '=' && type == null) {
                type = current.toString();
                current.setLength(0);
            } else if (c == ',' || c == '+') {
                attributes.add(new String[] {type, current.toString()});
                type = null;
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (type != null) {
            attributes.add(new String[] {type, current.toString()});
        }
        return attributes;
    }
}
