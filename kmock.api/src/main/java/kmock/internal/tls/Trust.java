package kmock.internal.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Trust managers: the JDK's default trust, trust in given anchors, and "any of these" compositions. */
public final class Trust {

    /** The name of the JCA provider that KMock registers for JVM-wide trust; skipped when the JDK's trust is asked for. */
    public static final String PROVIDER_NAME = "KMock";

    private Trust() {}

    /** The JDK's default trust (its {@code cacerts}, or {@code javax.net.ssl.trustStore}), never KMock's own provider. */
    public static X509ExtendedTrustManager jdkDefault() {
        try {
            TrustManagerFactory factory = platformFactory(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return x509(factory.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's default trust store cannot be read: " + e, e);
        }
    }

    /** A trust manager factory of an algorithm from the first provider that is not KMock's. */
    public static TrustManagerFactory platformFactory(String algorithm) throws GeneralSecurityException {
        Provider[] providers = Security.getProviders("TrustManagerFactory." + algorithm);
        for (Provider provider : providers == null ? new Provider[0] : providers) {
            if (!provider.getName().equals(PROVIDER_NAME)) {
                return TrustManagerFactory.getInstance(algorithm, provider);
            }
        }
        throw new GeneralSecurityException("No provider offers TrustManagerFactory." + algorithm);
    }

    /** Trust in exactly these anchors (with the JDK's path validation and host name checks). */
    public static X509ExtendedTrustManager anchors(List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = platformFactory("PKIX");
            factory.init(store);
            return x509(factory.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot make a trust manager for " + anchors.size() + " anchors: " + e, e);
        }
    }

    /** The first X.509 trust manager of a factory's. */
    public static X509ExtendedTrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("No X509ExtendedTrustManager among " + Arrays.toString(managers));
    }

    /** Trusts what the first trusts, or else what the second trusts while {@code active} says so. */
    public static X509ExtendedTrustManager either(
            X509ExtendedTrustManager first, X509ExtendedTrustManager second, BooleanSupplier active) {
        return new Either(first, second, active);
    }

    /** Trusts what the first trusts, or else what the second trusts. */
    public static X509ExtendedTrustManager either(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
        return new Either(first, second, () -> true);
    }

    /** A check of one trust manager, to try in turn. */
    private interface Check {
        void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private static final class Either extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager first;
        private final X509ExtendedTrustManager second;
        private final BooleanSupplier active;

        Either(X509ExtendedTrustManager first, X509ExtendedTrustManager second, BooleanSupplier active) {
            this.first = first;
            this.second = second;
            this.active = active;
        }

        private void check(Check check) throws CertificateException {
            try {
                check.run(first);
            } catch (CertificateException failure) {
                if (!active.getAsBoolean()) {
                    throw failure;
                }
                try {
                    check.run(second);
                } catch (CertificateException also) {
                    failure.addSuppressed(also);
                    throw failure;
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(m -> m.checkClientTrusted(chain, authType));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(m -> m.checkClientTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(m -> m.checkClientTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(Arrays.asList(first.getAcceptedIssuers()));
            if (active.getAsBoolean()) {
                all.addAll(Arrays.asList(second.getAcceptedIssuers()));
            }
            return all.toArray(new X509Certificate[0]);
        }
    }
}
