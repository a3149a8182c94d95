package kmock.internal.payloads;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a map of response headers from a JSON object: a reply {@code Map} is headers when every key is a
 * well-known header name or starts with {@code X-} (any case), otherwise it is a JSON body.
 *
 * <p>The names are those that can hardly be keys of a JSON document: multi-word names, and single words only when
 * they are unmistakably HTTP ({@code Location}, {@code Allow}, {@code Vary}, ...). {@code Payload.headers(..)}
 * and {@code Payload.json(..)} settle any doubt.
 */
final class HeaderNames {

    private static final Set<String> KNOWN = Set.of(
            "accept",
            "accept-ch",
            "accept-charset",
            "accept-encoding",
            "accept-language",
            "accept-patch",
            "accept-post",
            "accept-ranges",
            "access-control-allow-credentials",
            "access-control-allow-headers",
            "access-control-allow-methods",
            "access-control-allow-origin",
            "access-control-expose-headers",
            "access-control-max-age",
            "allow",
            "authorization",
            "cache-control",
            "content-disposition",
            "content-encoding",
            "content-language",
            "content-length",
            "content-location",
            "content-md5",
            "content-range",
            "content-security-policy",
            "content-transfer-encoding",
            "content-type",
            "etag",
            "expires",
            "if-match",
            "if-modified-since",
            "if-none-match",
            "if-range",
            "if-unmodified-since",
            "last-modified",
            "link",
            "location",
            "proxy-authenticate",
            "proxy-authorization",
            "refresh",
            "retry-after",
            "set-cookie",
            "strict-transport-security",
            "transfer-encoding",
            "user-agent",
            "vary",
            "www-authenticate");

    private HeaderNames() {}

    /** Whether a map reads as response headers: not empty, and every key a known or {@code X-} header name. */
    static boolean isHeaderMap(Map<?, ?> map) {
        if (map.isEmpty()) {
            return false;
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !isHeaderName(name)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeaderName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-") || KNOWN.contains(lower);
    }
}
