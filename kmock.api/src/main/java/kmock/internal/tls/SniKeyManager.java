package kmock.internal.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server side's certificates from the KMock CA, chosen by SNI: a client that names a host gets a certificate
 * for that host, issued on first use and kept; a client that names none (IP addresses, old clients) gets the
 * default certificate with every name the server knows ({@code localhost}, loopback addresses, the literal
 * intercepted hosts). Works for {@link SSLEngine}s (both transports' servers) and {@link SSLSocket}s (tunnels).
 */
public final class SniKeyManager extends X509ExtendedKeyManager {

    private static final String DEFAULT = "default";
    private static final String SNI = "sni:";
    /** Enough for any test; past it, certificates are still issued but no longer kept. */
    private static final int MAX_KEPT = 1024;

    private final Issuer issuer;
    private final KeyPair key;
    private final List<String> defaultNames;
    private final Map<String, X509Certificate[]> chains = new ConcurrentHashMap<>();

    /** Certificates from an issuer, all for one key; the default one names {@code defaultNames}. */
    public SniKeyManager(Issuer issuer, KeyPair key, List<String> defaultNames) {
        this.issuer = issuer;
        this.key = key;
        this.defaultNames = List.copyOf(defaultNames);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    private String alias(String keyType, SSLSession handshake) {
        if (!"EC".equalsIgnoreCase(keyType)) {
            return null;
        }
        if (handshake instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return SNI + host.getAsciiName().toLowerCase(Locale.ROOT);
                }
            }
        }
        return DEFAULT;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        if (alias == null) {
            return null;
        }
        X509Certificate[] kept = chains.get(alias);
        if (kept != null) {
            return kept.clone();
        }
        List<String> names = alias.startsWith(SNI) ? List.of(alias.substring(SNI.length())) : defaultNames;
        X509Certificate[] chain;
        try {
            chain = new X509Certificate[] {issuer.server(key.getPublic(), names), issuer.certificate()};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + names + ": " + e, e);
        }
        if (chains.size() < MAX_KEPT) {
            X509Certificate[] raced = chains.putIfAbsent(alias, chain);
            chain = raced != null ? raced : chain;
        }
        return chain.clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return alias == null ? null : key.getPrivate();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return "EC".equalsIgnoreCase(keyType) ? new String[] {DEFAULT} : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
