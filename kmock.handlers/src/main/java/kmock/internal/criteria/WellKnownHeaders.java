package kmock.internal.criteria;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request header names that make a map criterion read as headers rather than query parameters: a map is headers
 * only when every key is one of these or starts with {@code X-} (as in the Python original).
 */
public final class WellKnownHeaders {

    private static final Set<String> NAMES = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        NAMES.addAll(Set.of("Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Authorization",
                "Cache-Control", "Connection", "Content-Encoding", "Content-Length", "Content-Type", "Cookie", "Date",
                "ETag", "Expect", "From", "Host", "If-Match", "If-Modified-Since", "If-None-Match", "If-Range",
                "If-Unmodified-Since", "Location", "Origin", "Pragma", "Proxy-Authorization", "Range", "Referer",
                "TE", "Trailer", "Transfer-Encoding", "Upgrade", "User-Agent", "Via", "Warning"));
    }

    private WellKnownHeaders() {
    }

    /** Whether every key of a non-empty map is a well-known header name or an {@code X-} header. */
    public static boolean allHeaders(Map<?, ?> map) {
        return !map.isEmpty() && map.keySet().stream().allMatch(key -> key instanceof String name
                && (NAMES.contains(name) || name.regionMatches(true, 0, "X-", 0, 2)));
    }
}
