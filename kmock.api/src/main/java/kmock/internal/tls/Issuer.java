package kmock.internal.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A certificate authority with an EC P-256 key that writes X.509 v3 certificates itself (DER, signed with
 * SHA256withECDSA): a self-signed root, server certificates for DNS names and IP addresses, and client
 * certificates whose subject carries a Kubernetes user (CN) and groups (O), as kube-apiserver reads them.
 * EC keys take a millisecond to make, so a CA per JVM costs nothing a test would notice.
 */
public final class Issuer {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** Key usage bits, first octet: digitalSignature (bit 0) and, for the CA, keyCertSign (5) and cRLSign (6). */
    private static final byte DIGITAL_SIGNATURE = (byte) 0x80;

    private static final byte CERT_AND_CRL_SIGN = (byte) 0x06;
    private static final Duration VALIDITY = Duration.ofDays(825);
    /** Certificates are valid from a little before their making, for clocks that differ slightly. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final SecureRandom random = new SecureRandom();
    private final KeyPair key;
    private final byte[] name;
    private final byte[] keyId;
    private final X509Certificate certificate;

    private Issuer(String commonName) throws GeneralSecurityException {
        this.key = newKeyPair();
        this.name = name(commonName, List.of());
        this.keyId = keyId(key.getPublic());
        byte[] extensions = Der.sequence(
                extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
                extension(KEY_USAGE, true, Der.bitString(new byte[] {(byte) (DIGITAL_SIGNATURE | CERT_AND_CRL_SIGN)})),
                extension(SUBJECT_KEY_ID, false, Der.octetString(keyId)));
        this.certificate = sign(name, key.getPublic(), extensions);
    }

    /** A new self-signed authority. */
    public static Issuer create(String commonName) {
        try {
            return new Issuer(commonName);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make EC P-256 keys or ECDSA signatures: " + e, e);
        }
    }

    /** The authority's own certificate, the trust anchor of everything it issues. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** A fresh EC P-256 key pair. */
    public static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A server certificate for host names and IP literals (the first is also the subject's common name). */
    public X509Certificate server(PublicKey subjectKey, List<String> names) throws GeneralSecurityException {
        List<byte[]> alternatives = new ArrayList<>();
        for (String host : names) {
            byte[] address = ipLiteral(host);
            alternatives.add(
                    address != null
                            ? Der.implicit(7, address)
                            : Der.implicit(2, host.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        byte[] extensions = Der.sequence(leafExtensions(
                subjectKey,
                SERVER_AUTH,
                extension(SUBJECT_ALT_NAME, false, Der.sequence(alternatives.toArray(new byte[0][])))));
        return sign(name(names.get(0), List.of()), subjectKey, extensions);
    }

    /** A client certificate for a Kubernetes user: the common name is the user, each organization a group. */
    public X509Certificate client(PublicKey subjectKey, String user, List<String> groups)
            throws GeneralSecurityException {
        return sign(name(user, groups), subjectKey, Der.sequence(leafExtensions(subjectKey, CLIENT_AUTH)));
    }

    /**
     * A private key in SEC1 form ({@code EC PRIVATE KEY}), the form every Kubernetes client reads for EC keys:
     * version 1, the secret as 32 bytes, the curve (P-256) and the public point.
     */
    public static byte[] sec1(KeyPair pair) {
        java.security.interfaces.ECPrivateKey secret = (java.security.interfaces.ECPrivateKey) pair.getPrivate();
        java.security.interfaces.ECPublicKey point = (java.security.interfaces.ECPublicKey) pair.getPublic();
        byte[] uncompressed = Der.concat(
                new byte[] {0x04},
                unsigned32(point.getW().getAffineX()),
                unsigned32(point.getW().getAffineY()));
        return Der.sequence(
                Der.integer(BigInteger.ONE),
                Der.octetString(unsigned32(secret.getS())),
                Der.explicit(0, Der.oid("1.2.840.10045.3.1.7")),
                Der.explicit(1, Der.bitString(uncompressed)));
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    /** Whether this authority signed the certificate. */
    public boolean issued(X509Certificate candidate) {
        if (!candidate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            candidate.verify(key.getPublic());
            candidate.checkValidity();
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private byte[][] leafExtensions(PublicKey subjectKey, String usage, byte[]... more)
            throws GeneralSecurityException {
        List<byte[]> all = new ArrayList<>(List.of(
                extension(BASIC_CONSTRAINTS, true, Der.sequence()),
                extension(KEY_USAGE, true, Der.bitString(new byte[] {DIGITAL_SIGNATURE})),
                extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(usage))),
                extension(SUBJECT_KEY_ID, false, Der.octetString(keyId(subjectKey))),
                extension(AUTHORITY_KEY_ID, false, Der.sequence(Der.implicit(0, keyId)))));
        all.addAll(List.of(more));
        return all.toArray(new byte[0][]);
    }

    private X509Certificate sign(byte[] subject, PublicKey subjectKey, byte[] extensions)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
                Der.integer(new BigInteger(63, random).add(BigInteger.ONE)),
                algorithm,
                name,
                Der.sequence(Der.time(now.minus(BACKDATE)), Der.time(now.plus(VALIDITY))),
                subject,
                subjectKey.getEncoded(), // already a DER SubjectPublicKeyInfo
                Der.explicit(3, extensions));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate(), random);
        signer.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    private static byte[] name(String commonName, List<String> organizations) {
        List<byte[]> parts = new ArrayList<>();
        for (String organization : organizations) {
            parts.add(Der.set(Der.sequence(Der.oid(ORGANIZATION), Der.utf8(organization))));
        }
        parts.add(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
        return Der.sequence(parts.toArray(new byte[0][]));
    }

    /** A key identifier: SHA-1 of the encoded public key (RFC 5280 allows any method that gives unique values). */
    private static byte[] keyId(PublicKey key) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(key.getEncoded());
    }

    /** The address bytes of an IPv4 or IPv6 literal, or {@code null} for a host name (never a DNS lookup). */
    static byte[] ipLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }
}
