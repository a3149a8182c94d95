package kmock.api;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import kmock.internal.tls.Authority;

/**
 * The KMock certificate authority: made once per JVM (an EC key, so it costs milliseconds), it issues the
 * certificates of every HTTPS server and intercepted host, and of Kubernetes client identities. Give it to the
 * clients that should trust KMock: as PEM, as a certificate, as a trust store, or as a ready SSL context.
 *
 * <pre>{@code
 * OkHttpClient okhttp = new OkHttpClient.Builder()
 *         .sslSocketFactory(ca.sslContext().getSocketFactory(), ca.trustManager()).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class CertificateAuthority {

    private static final CertificateAuthority JVM = new CertificateAuthority();

    private CertificateAuthority() {}

    /** The authority of this JVM, the same for every server. */
    public static CertificateAuthority jvm() {
        return JVM;
    }

    /** The CA certificate, the trust anchor of everything KMock issues. */
    public X509Certificate certificate() {
        return Authority.jvm().certificate();
    }

    /** The CA certificate as PEM text ({@code -----BEGIN CERTIFICATE-----…}), as kubeconfigs and curl take it. */
    public String pem() {
        return Authority.jvm().pem();
    }

    /** A new in-memory PKCS#12 trust store holding the CA certificate (alias {@code kmock-ca}, no password). */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("kmock-ca", certificate());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot make a PKCS#12 trust store: " + e, e);
        }
    }

    /** A trust manager that trusts the JDK's default anchors and this CA, for clients that take one (OkHttp). */
    public X509TrustManager trustManager() {
        return Authority.jvm().clientTrust();
    }

    /** A client SSL context that trusts the JDK's default anchors and this CA. */
    public SSLContext sslContext() {
        return Authority.jvm().clientContext();
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
