package kmock.internal.tls;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS material from PEM text as kubeconfigs carry it: certificates, and private keys in PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) form. The latter two
 * are wrapped into PKCS#8, the one form the JDK reads.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
    };

    private Pem() {}

    /** An SSL context trusting the CA certificates (or the JDK's, or anything when insecure) with an optional client key. */
    public static SSLContext context(String caPem, String certPem, String keyPem, boolean insecure)
            throws GeneralSecurityException {
        TrustManager[] trust;
        if (insecure) {
            trust = new TrustManager[] {new TrustAll()};
        } else if (caPem != null) {
            KeyStore store = emptyStore(KeyStore.getDefaultType());
            int i = 0;
            for (Certificate certificate : certificates(caPem)) {
                store.setCertificateEntry("ca" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            trust = factory.getTrustManagers();
        } else {
            trust = null;
        }
        KeyManagerFactory keys = null;
        if (certPem != null && keyPem != null) {
            KeyStore store = emptyStore("PKCS12");
            char[] password = "kmock".toCharArray();
            store.setKeyEntry(
                    "client",
                    privateKey(keyPem),
                    password,
                    certificates(certPem).toArray(new Certificate[0]));
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust, new SecureRandom());
        return context;
    }

    private static KeyStore emptyStore(String type) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try {
            store.load(null, null);
        } catch (java.io.IOException impossible) {
            throw new GeneralSecurityException(impossible);
        }
        return store;
    }

    /** Every certificate in PEM text. */
    public static List<Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> certificates = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(pem);
        while (blocks.find()) {
            if (blocks.group(1).equals("CERTIFICATE")) {
                certificates.add(factory.generateCertificate(new ByteArrayInputStream(decode(blocks.group(2)))));
            }
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no CERTIFICATE block in the PEM text");
        }
        return certificates;
    }

    /** The private key of PEM text in PKCS#8, PKCS#1 (RSA) or SEC1 (EC) form. */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher blocks = BLOCK.matcher(pem);
        while (blocks.find()) {
            byte[] der = decode(blocks.group(2));
            switch (blocks.group(1)) {
                case "PRIVATE KEY":
                    return pkcs8(der);
                case "RSA PRIVATE KEY":
                    return KeyFactory.getInstance("RSA")
                            .generatePrivate(
                                    new PKCS8EncodedKeySpec(sequence(integerZero(), RSA_ALGORITHM, octetString(der))));
                case "EC PRIVATE KEY":
                    byte[] curve = Der.ecCurveOid(der);
                    return KeyFactory.getInstance("EC")
                            .generatePrivate(new PKCS8EncodedKeySpec(
                                    sequence(integerZero(), sequence(EC_PUBLIC_KEY_OID, curve), octetString(der))));
                default:
                    break;
            }
        }
        throw new GeneralSecurityException("no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block in the PEM text");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64.trim());
    }

    /** PEM text of one DER block, with the usual 64-character lines. */
    public static String encode(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] octetString(byte[] content) {
        return Der.octetString(content);
    }

    private static byte[] sequence(byte[]... parts) {
        return Der.sequence(parts);
    }

    /** Trusts every server: only with insecure-skip-tls-verify, as kubectl does. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
