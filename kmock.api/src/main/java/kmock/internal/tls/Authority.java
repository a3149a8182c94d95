package kmock.internal.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The KMock certificate authority of this JVM, made on first use and shared by every server: one CA for all makes
 * a single trust anchor for clients, however many servers a test suite starts. Also makes the SSL contexts that
 * servers and clients use with it.
 */
public final class Authority {

    private static final class Holder {
        static final Authority JVM = new Authority();
    }

    private final Issuer issuer;
    private final KeyPair serverKey;
    private final X509ExtendedTrustManager anchors;
    private volatile SSLContext client;

    private Authority() {
        this.issuer = Issuer.create("KMock CA "
                + Long.toHexString(ProcessHandle.current().pid()) + "-" + Long.toHexString(System.nanoTime()));
        try {
            this.serverKey = Issuer.newKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make EC P-256 keys: " + e, e);
        }
        this.anchors = Trust.anchors(List.of(issuer.certificate()));
    }

    /** The JVM's authority. */
    public static Authority jvm() {
        return Holder.JVM;
    }

    /** The issuer, for client certificates and checks. */
    public Issuer issuer() {
        return issuer;
    }

    /** The CA certificate. */
    public X509Certificate certificate() {
        return issuer.certificate();
    }

    /** The CA certificate as PEM text. */
    public String pem() {
        try {
            return Pem.encode("CERTIFICATE", issuer.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trust in this CA only (client certificates on the server side, and JVM-wide trust while it is on). */
    public X509ExtendedTrustManager anchors() {
        return anchors;
    }

    /** A server context: certificates from this CA chosen by SNI, client certificates of this CA accepted. */
    public SSLContext serverContext(List<String> defaultNames) {
        return serverContext(new KeyManager[] {new SniKeyManager(issuer, serverKey, defaultNames)});
    }

    /** A server context with other key managers (a user's key store), client certificates of this CA accepted. */
    public SSLContext serverContext(KeyManager[] keys) {
        return context(keys, anchors);
    }

    /** A client context that trusts the JDK's default anchors and this CA; made once. */
    public SSLContext clientContext() {
        SSLContext made = client;
        if (made == null) {
            synchronized (this) {
                if (client == null) {
                    client = context(null, clientTrust());
                }
                made = client;
            }
        }
        return made;
    }

    /** Trust in the JDK's default anchors and in this CA. */
    public X509ExtendedTrustManager clientTrust() {
        return Trust.either(Trust.jdkDefault(), anchors);
    }

    /** A TLS context of key managers and one trust manager. */
    public static SSLContext context(KeyManager[] keys, X509ExtendedTrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a TLS context: " + e, e);
        }
    }
}
