package kmock.internal.criteria;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Request header names that make a map criterion read as headers rather than query parameters: a map is headers
 * only when every key is one of these or starts with {@code X-} (as in the Python original).
 */
public final class WellKnownHeaders {

    private static final Set<String> NAMES = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private static final Pattern HEADER_LIKE = Pattern.compile("[A-Z][A-Za-z0-9]*(-[A-Z0-9][A-Za-z0-9]*)+");

    static {
        NAMES.addAll(Set.of(
                "Accept",
                "Accept-Charset",
                "Accept-Encoding",
                "Accept-Language",
                "Authorization",
                "Cache-Control",
                "Connection",
                "Content-Encoding",
                "Content-Length",
                "Content-Type",
                "Cookie",
                "Date",
                "ETag",
                "Expect",
                "From",
                "Host",
                "If-Match",
                "If-Modified-Since",
                "If-None-Match",
                "If-Range",
                "If-Unmodified-Since",
                "Location",
                "Origin",
                "Pragma",
                "Proxy-Authorization",
                "Range",
                "Referer",
                "TE",
                "Trailer",
                "Transfer-Encoding",
                "Upgrade",
                "User-Agent",
                "Via",
                "Warning"));
    }

    private WellKnownHeaders() {}

    /**
     * Whether a key of a map read as query parameters looks like a header name, so that reading it as a parameter
     * is most likely a mistake: a well-known header in its usual spelling ({@code Accept}, {@code If-Match}), or
     * capitalised words joined by hyphens ({@code Idempotency-Key}). Lower-case keys ({@code date}) stay parameters.
     */
    public static boolean looksLikeHeader(String key) {
        return NAMES.contains(key) && Character.isUpperCase(key.charAt(0))
                || HEADER_LIKE.matcher(key).matches();
    }

    /** Whether every key of a non-empty map is a well-known header name or an {@code X-} header. */
    public static boolean allHeaders(Map<?, ?> map) {
        return !map.isEmpty()
                && map.keySet().stream()
                        .allMatch(key -> key instanceof String name
                                && (NAMES.contains(name) || name.regionMatches(true, 0, "X-", 0, 2)));
    }
}
