package kmock.internal.k8s.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import kmock.internal.json.Json;

/**
 * Service account tokens as the TokenRequest API issues them: JWTs with the claims Kubernetes puts in them
 * ({@code iss}, {@code sub = system:serviceaccount:NS:NAME}, {@code aud}, {@code exp}, {@code kubernetes.io}),
 * signed with HS256 and a key of this emulator's own. Thread-safe.
 */
public final class Tokens {

    /** The issuer and the default audience, as in a cluster with the default service account issuer. */
    public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];

    /** Tokens signed with a fresh random key. */
    public Tokens() {
        new SecureRandom().nextBytes(key);
    }

    /** A token for a service account, valid from {@code now} for {@code seconds}. */
    public String issue(String namespace, String name, String uid, List<String> audiences, long seconds, Instant now) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("name", name);
        account.put("uid", uid);
        Map<String, Object> kubernetes = new LinkedHashMap<>();
        kubernetes.put("namespace", namespace);
        kubernetes.put("serviceaccount", account);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audiences);
        claims.put("exp", now.getEpochSecond() + seconds);
        claims.put("iat", now.getEpochSecond());
        claims.put("iss", ISSUER);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("kubernetes.io", kubernetes);
        claims.put("nbf", now.getEpochSecond());
        claims.put("sub", "system:serviceaccount:" + namespace + ":" + name);
        String unsigned = encode(Map.of("alg", "HS256", "typ", "JWT")) + "." + encode(claims);
        return unsigned + "." + ENCODER.encodeToString(sign(unsigned));
    }

    private static String encode(Map<String, Object> json) {
        return ENCODER.encodeToString(Json.write(json));
    }

    private byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
