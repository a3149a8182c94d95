package kmock.internal.k8s.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import kmock.internal.tls.Authority;
import kmock.internal.tls.Issuer;
import kmock.internal.tls.Pem;

/**
 * The text of a kubeconfig for one server and one user, as kubectl, client-go, fabric8 and client-java read it:
 * one cluster (the server URL, and over HTTPS the KMock CA as {@code certificate-authority-data}), one user
 * (over HTTPS a client certificate from the KMock CA naming the user and groups, and a bearer token when the
 * user has one), one context made current, namespace {@code default}.
 */
public final class Kubeconfigs {

    private Kubeconfigs() {}

    /** The kubeconfig text; {@code token} may be {@code null}. */
    public static String text(URI server, String user, List<String> groups, String token) {
        boolean https = "https".equals(server.getScheme());
        String url = server.toString().endsWith("/")
                ? server.toString().substring(0, server.toString().length() - 1)
                : server.toString();
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: v1\nkind: Config\nclusters:\n- name: kmock\n  cluster:\n    server: ")
                .append(url)
                .append('\n');
        if (https) {
            yaml.append("    certificate-authority-data: ")
                    .append(base64(Authority.jvm().pem()))
                    .append('\n');
        }
        yaml.append("contexts:\n- name: kmock\n  context:\n    cluster: kmock\n    user: ")
                .append(quoted(user))
                .append("\n    namespace: default\ncurrent-context: kmock\nusers:\n- name: ")
                .append(quoted(user))
                .append("\n  user:");
        boolean empty = true;
        if (https) {
            String[] credential = clientCertificate(user, groups);
            yaml.append("\n    client-certificate-data: ")
                    .append(base64(credential[0]))
                    .append("\n    client-key-data: ")
                    .append(base64(credential[1]));
            empty = false;
        }
        if (token != null) {
            yaml.append("\n    token: ").append(quoted(token));
            empty = false;
        }
        return yaml.append(empty ? " {}\n" : "\n").toString();
    }

    /** A certificate and an EC key (PEM) for a user and groups, issued by the KMock CA. */
    private static String[] clientCertificate(String user, List<String> groups) {
        try {
            KeyPair key = Issuer.newKeyPair();
            X509Certificate certificate = Authority.jvm().issuer().client(key.getPublic(), user, groups);
            return new String[] {
                Pem.encode("CERTIFICATE", certificate.getEncoded()), Pem.encode("EC PRIVATE KEY", Issuer.sec1(key))
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot issue a client certificate for " + user + ": " + e, e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A YAML double-quoted scalar: safe for names with colons ({@code system:admin}) and any token. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
