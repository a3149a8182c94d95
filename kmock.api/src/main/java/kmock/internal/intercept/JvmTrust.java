package kmock.internal.intercept;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

import kmock.internal.tls.Authority;
import kmock.internal.tls.Trust;

/**
 * JVM-wide trust in the KMock CA, in addition to the JDK's anchors, for clients that use the JVM's defaults:
 * {@link SSLContext#getDefault()} (java.net.http, Apache HttpClient 5 with system properties),
 * {@link HttpsURLConnection}'s default factory, and the default {@link TrustManagerFactory} initialised with no
 * key store (OkHttp builds its trust that way), through a JCA provider placed first while installed. The trust
 * managers handed out check {@link JvmInterception#trusting()} on every handshake, so the CA is trusted only
 * while a server intercepts. Called under {@link JvmInterception}'s lock.
 */
final class JvmTrust {

    private static final Provider PROVIDER = new TrustProvider();
    private static SSLContext ours;
    private static SSLSocketFactory ourFactory;
    private static SSLContext previousContext;
    private static SSLSocketFactory previousFactory;

    private JvmTrust() {}

    static void install() {
        if (ours == null) {
            ours = Authority.context(systemKeyManagers(), trust(Trust.jdkDefault()));
            ourFactory = ours.getSocketFactory();
        }
        try {
            previousContext = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            previousContext = null;
        }
        previousFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        SSLContext.setDefault(ours);
        HttpsURLConnection.setDefaultSSLSocketFactory(ourFactory);
        if (Security.getProvider(Trust.PROVIDER_NAME) == null) {
            Security.insertProviderAt(PROVIDER, 1);
        }
    }

    static void uninstall() {
        Security.removeProvider(Trust.PROVIDER_NAME);
        try {
            if (previousContext != null && SSLContext.getDefault() == ours) {
                SSLContext.setDefault(previousContext);
            }
        } catch (NoSuchAlgorithmException impossible) {
            // ours is the default, so there is one
        }
        if (HttpsURLConnection.getDefaultSSLSocketFactory() == ourFactory && previousFactory != null) {
            HttpsURLConnection.setDefaultSSLSocketFactory(previousFactory);
        }
        previousContext = null;
        previousFactory = null;
    }

    /** The platform's trust, or else the KMock CA's while a server intercepts. */
    private static X509ExtendedTrustManager trust(X509ExtendedTrustManager platform) {
        return Trust.either(platform, Authority.jvm().anchors(), JvmInterception::trusting);
    }

    /**
     * The key managers of the JDK's default context: the {@code javax.net.ssl.keyStore} properties, if set, so
     * that a client certificate configured that way still goes out while KMock's context is the default.
     */
    private static KeyManager[] systemKeyManagers() {
        String file = System.getProperty("javax.net.ssl.keyStore");
        if (file == null || file.isEmpty() || file.equals("NONE")) {
            return null;
        }
        String password = System.getProperty("javax.net.ssl.keyStorePassword", "");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            KeyStore store =
                    KeyStore.getInstance(System.getProperty("javax.net.ssl.keyStoreType", KeyStore.getDefaultType()));
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            return keys.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "javax.net.ssl.keyStore=" + file + " cannot be read (" + e.getMessage()
                            + "), so KMock cannot keep it in the JVM's default SSL context",
                    e);
        }
    }

    /** Offers the default trust manager algorithm, wrapping the platform's factory of the same name. */
    private static final class TrustProvider extends Provider {
        private static final long serialVersionUID = 1L;

        TrustProvider() {
            super(
                    Trust.PROVIDER_NAME,
                    "1.0",
                    "KMock: the JDK's default trust plus the KMock CA while a server intercepts");
            String algorithm = TrustManagerFactory.getDefaultAlgorithm();
            putService(
                    new Service(this, "TrustManagerFactory", algorithm, TrustFactory.class.getName(), null, Map.of()) {
                        @Override
                        public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                            try {
                                return new TrustFactory(Trust.platformFactory(algorithm));
                            } catch (GeneralSecurityException e) {
                                throw new NoSuchAlgorithmException(e.getMessage(), e);
                            }
                        }
                    });
        }
    }

    /** The platform's factory; initialised with no key store (the JDK's defaults), it adds the KMock CA. */
    private static final class TrustFactory extends TrustManagerFactorySpi {
        private final TrustManagerFactory platform;
        private boolean defaults;

        TrustFactory(TrustManagerFactory platform) {
            this.platform = platform;
        }

        @Override
        protected void engineInit(KeyStore store) throws java.security.KeyStoreException {
            platform.init(store);
            defaults = store == null;
        }

        @Override
        protected void engineInit(ManagerFactoryParameters parameters)
                throws java.security.InvalidAlgorithmParameterException {
            platform.init(parameters);
            defaults = false;
        }

        @Override
        protected TrustManager[] engineGetTrustManagers() {
            TrustManager[] managers = platform.getTrustManagers();
            return defaults ? new TrustManager[] {trust(Trust.x509(managers))} : managers;
        }
    }
}
