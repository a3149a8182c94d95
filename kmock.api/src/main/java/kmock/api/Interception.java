package kmock.api;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which hosts and ports a client sends to a local server instead of the network: host names (case-insensitive),
 * {@link Pattern}s (full match), IPv4 and IPv6 literals, each optionally with a port; a spec without a port
 * intercepts every port. The server's own address always routes to itself.
 *
 * <p>Immutable and thread-safe; the embedded client of every transport consults it for each outgoing request, and
 * so must a client made by {@link Server.Builder#clientFactory}, which finds it in {@link Client.Options}.
 *
 * @since 0.1
 */
public final class Interception {

    private final InetSocketAddress target;
    private final List<Rule> rules;

    private Interception(InetSocketAddress target, List<Rule> rules) {
        this.target = target;
        this.rules = List.copyOf(rules);
    }

    /**
     * An interception to a target for host specs: {@code "google.com"}, {@code "google.com:80"}, {@code "10.1.2.3"},
     * {@code "[::1]:8080"}, {@code "::1"}, or {@link Pattern}s of host names.
     *
     * @throws IllegalArgumentException for a spec of another type or an unparsable port
     */
    public static Interception of(InetSocketAddress target, List<?> specs) {
        Objects.requireNonNull(target, "target");
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(target.getHostString().toLowerCase(Locale.ROOT), null, target.getPort()));
        for (Object spec : specs) {
            rules.add(Rule.parse(spec));
        }
        return new Interception(target, rules);
    }

    /** The local server that intercepted requests go to. */
    public InetSocketAddress target() {
        return target;
    }

    /** The host names and addresses given literally (patterns have none), lower case, without ports or brackets. */
    public List<String> hosts() {
        return rules.stream()
                .skip(1)
                .filter(rule -> rule.host() != null)
                .map(Rule::host)
                .distinct()
                .toList();
    }

    /** Whether a request to this host and port (the URL's port, or its scheme's default) goes to the target. */
    public boolean intercepts(String host, int port) {
        if (host == null) {
            return false;
        }
        String normal = normalise(host);
        for (Rule rule : rules) {
            if (rule.matches(normal, port)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, IPv6 brackets removed. */
    static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    @Override
    public String toString() {
        return "Interception" + rules + " -> " + target;
    }

    private record Rule(String host, Pattern pattern, int port) {

        static Rule parse(Object spec) {
            if (spec instanceof Pattern pattern) {
                return new Rule(null, pattern, -1);
            }
            if (!(spec instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("A hostname spec is a String ('example.com', 'example.com:80', "
                        + "'[::1]:8080') or a java.util.regex.Pattern, got: " + spec);
            }
            String trimmed = text.trim();
            if (trimmed.startsWith("[")) {
                int close = trimmed.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed IPv6 literal in hostname spec: " + text);
                }
                String rest = trimmed.substring(close + 1);
                int port = rest.isEmpty() ? -1 : port(rest.startsWith(":") ? rest.substring(1) : rest, text);
                return new Rule(normalise(trimmed.substring(0, close + 1)), null, port);
            }
            int colon = trimmed.indexOf(':');
            if (colon >= 0 && colon == trimmed.lastIndexOf(':')) {
                return new Rule(normalise(trimmed.substring(0, colon)), null, port(trimmed.substring(colon + 1), text));
            }
            return new Rule(normalise(trimmed), null, -1);
        }

        private static int port(String digits, String spec) {
            try {
                int port = Integer.parseInt(digits);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Bad port in hostname spec '" + spec + "': use host:1..65535");
            }
        }

        boolean matches(String normalHost, int requestPort) {
            if (port >= 0 && port != requestPort) {
                return false;
            }
            return pattern != null ? pattern.matcher(normalHost).matches() : host.equals(normalHost);
        }

        @Override
        public String toString() {
            return (pattern != null ? "/" + pattern + "/" : host) + (port < 0 ? "" : ":" + port);
        }
    }
}
