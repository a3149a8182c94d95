package kmock.it.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.List;

import org.junit.jupiter.api.Test;

import kmock.internal.k8s.auth.Identity;
import kmock.internal.tls.Issuer;
import kmock.internal.tls.Pem;

/** The certificates our own DER encoder writes, read back by the JDK's X.509 parser. */
class CertificatesTest {

    private final Issuer issuer = Issuer.create("Test CA");

    @Test
    void theAuthorityIsASelfSignedCa() throws Exception {
        X509Certificate ca = issuer.certificate();
        ca.verify(ca.getPublicKey());
        assertTrue(ca.getBasicConstraints() >= 0, "a CA");
        assertTrue(ca.getKeyUsage()[5], "keyCertSign");
        assertEquals(3, ca.getVersion());
    }

    @Test
    void aServerCertificateNamesHostsAndIpAddresses() throws Exception {
        KeyPair key = Issuer.newKeyPair();
        X509Certificate certificate =
                issuer.server(key.getPublic(), List.of("localhost", "127.0.0.1", "::1", "api.example.test"));
        certificate.verify(issuer.certificate().getPublicKey());
        List<Object> names = certificate.getSubjectAlternativeNames().stream()
                .map(name -> (Object) name)
                .toList();
        assertEquals(
                List.of(
                        List.of(2, "localhost"),
                        List.of(7, "127.0.0.1"),
                        List.of(7, "0:0:0:0:0:0:0:1"),
                        List.of(2, "api.example.test")),
                names);
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage());
        assertTrue(issuer.issued(certificate));
    }

    @Test
    void aClientCertificateCarriesTheUserAndGroups() throws Exception {
        X509Certificate certificate =
                issuer.client(Issuer.newKeyPair().getPublic(), "alice", List.of("devs", "system:masters"));
        assertEquals(
                new Identity("alice", List.of("devs", "system:masters", "system:authenticated")),
                Identity.of(certificate));
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), certificate.getExtendedKeyUsage());
    }

    @Test
    void aCertificateOfAnotherAuthorityIsNotIssuedByThisOne() throws Exception {
        Issuer other = Issuer.create("Other CA");
        X509Certificate foreign = other.client(Issuer.newKeyPair().getPublic(), "mallory", List.of());
        assertFalse(issuer.issued(foreign));
    }

    @Test
    void aSec1KeyReadsBackAsTheSameKey() throws Exception {
        KeyPair key = Issuer.newKeyPair();
        String pem = Pem.encode("EC PRIVATE KEY", Issuer.sec1(key));
        assertTrue(pem.startsWith("-----BEGIN EC PRIVATE KEY-----\n"));
        assertEquals(((ECPrivateKey) key.getPrivate()).getS(), ((ECPrivateKey) Pem.privateKey(pem)).getS());
    }
}
