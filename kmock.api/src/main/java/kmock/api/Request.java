package kmock.api;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import kmock.internal.http.Headers;
import kmock.internal.http.RequestBodies;
import kmock.internal.http.SharedStrings;
import kmock.internal.json.Json;
import kmock.internal.k8s.requests.Actions;
import kmock.internal.k8s.requests.KubernetesPath;

/**
 * One HTTP request as a handler sees it: immutable, fully read, with its Kubernetes reading (resource,
 * namespace, name, subresource, action) derived from the URL for every request, whatever the handler.
 *
 * <p>Transports build requests with {@link #builder()}; tests of a custom {@link Handler} can do the same.
 *
 * <p>Bodies are shared, never copied: the {@code byte[]} given to the builder is the one {@link #body()} returns,
 * so that a large body costs no copies on its way through transports, logs and criteria. Treat both as read-only.
 *
 * @since 0.1
 */
public final class Request {

    private static final byte[] NO_BODY = new byte[0];

    static {
        RequestBodies.install(Request::releaseBody);
    }

    private final String method;
    /** The URL as text: a log keeps every request, and a parsed URI holds each of its parts again. */
    private final String url;

    private final String path;
    private final Map<String, List<String>> headers;
    /** Final but for a handler told to keep no bodies in its log, which lets go of it once the request is served. */
    private volatile byte[] body;

    private final Map<String, List<String>> query;
    private final Map<String, String> params;
    private final KubernetesPath kubernetes;
    private final List<X509Certificate> clientCertificates;
    private final String user;
    private final List<String> groups;
    /**
     * The parsed body, kept only weakly: criteria and sinks may ask for it several times while the request is
     * served, but a handler's log keeps every request, and must not keep a second copy of every body as a tree.
     */
    private volatile WeakReference<Object> data;

    private volatile boolean notJson;

    private Request(Builder builder) {
        this.method = SharedStrings.of(builder.method.toUpperCase(Locale.ROOT));
        URI parsed = builder.url;
        this.url = SharedStrings.of(parsed.toString()); // a test that polls one URL logs it once
        this.path = pathOf(parsed);
        this.headers = Headers.copyOf(builder.headers);
        this.body = builder.body == null ? NO_BODY : builder.body;
        this.query = parseQuery(parsed.getRawQuery());
        if (query.isEmpty()) {
            this.params = Map.of();
        } else {
            Map<String, String> first = new LinkedHashMap<>();
            query.forEach((key, values) -> first.put(key, values.get(0)));
            this.params = Collections.unmodifiableMap(first);
        }
        this.kubernetes = KubernetesPath.parse(path);
        this.clientCertificates = builder.clientCertificates;
        this.user = builder.user;
        this.groups = builder.groups;
    }

    private Request(Request original, String user, List<String> groups) {
        this.method = original.method;
        this.url = original.url;
        this.path = original.path;
        this.headers = original.headers;
        this.body = original.body;
        this.query = original.query;
        this.params = original.params;
        this.kubernetes = original.kubernetes;
        this.clientCertificates = original.clientCertificates;
        this.user = user;
        this.groups = List.copyOf(groups);
    }

    /** A builder for requests, as transports and handler unit tests make them. */
    public static Builder builder() {
        return new Builder();
    }

    /** The method in upper case as it came on the wire: {@code GET}, {@code POST}, or any extension method. */
    public String method() {
        return method;
    }

    /** The full URL, with the host the client asked for (the intercepted one, for intercepted requests). */
    public URI url() {
        return URI.create(url);
    }

    /**
     * The decoded path, such as {@code /api/v1/pods}. A leading run of slashes reads as one, so that a client given a
     * base URL with a trailing slash ({@code kmock.url()}) reaches the same rules with {@code //api/v1/pods};
     * {@link #url()} keeps the path as sent.
     */
    public String path() {
        return path;
    }

    private static String pathOf(URI url) {
        String path = url.getPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        int start = 0;
        while (start + 1 < path.length() && path.charAt(start + 1) == '/') {
            start++;
        }
        return SharedStrings.of(path.substring(start));
    }

    /** Query parameters, the first value of each. */
    public Map<String, String> params() {
        return params;
    }

    /** Query parameters with all their values, in order. */
    public Map<String, List<String>> query() {
        return query;
    }

    /** Headers, case-insensitive, multi-valued. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        return Headers.first(headers, name);
    }

    /** Cookies from the {@code Cookie} headers. */
    public Map<String, String> cookies() {
        return Headers.requestCookies(headers);
    }

    private void releaseBody() {
        body = NO_BODY;
        data = null;
        notJson = false;
    }

    /**
     * The body bytes; empty when there was none. The array is the request's own: do not change it. A handler built
     * with {@code keepBodies(false)} keeps requests without their bodies once it served them.
     */
    public byte[] body() {
        return body;
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON (maps, lists and plain values), or {@code null} when empty or not JSON. */
    public Object data() {
        WeakReference<Object> kept = data;
        Object parsed = kept == null ? null : kept.get();
        byte[] bytes = body;
        if (parsed != null || notJson || bytes.length == 0) {
            return parsed;
        }
        try {
            parsed = Json.parse(bytes);
        } catch (RuntimeException malformed) {
            parsed = null;
        }
        if (parsed == null) {
            notJson = true; // malformed, or the JSON null: no need to parse again
        } else {
            data = new WeakReference<>(parsed);
        }
        return parsed;
    }

    /**
     * The certificates the client presented over TLS, its own first; empty for plain HTTP or a client that sent
     * none. The TLS layer has checked them against the KMock CA (or the trust of your own server context).
     */
    public List<X509Certificate> clientCertificates() {
        return clientCertificates;
    }

    /**
     * The caller's user name as a handler authenticated it (Kubernetes handlers: from a bearer token or a client
     * certificate), or {@code null} when nobody did. Views match on it with a {@code Predicate<Request>}.
     */
    public String user() {
        return user;
    }

    /** The caller's groups as a handler authenticated them; empty when {@link #user()} is {@code null}. */
    public List<String> groups() {
        return groups;
    }

    /** The same request with the caller's identity recorded, as an authenticating handler passes it on. */
    public Request withUser(String user, List<String> groups) {
        return new Request(this, Objects.requireNonNull(user, "user"), Objects.requireNonNull(groups, "groups"));
    }

    /** The Kubernetes resource this request addresses, or {@code null} when the URL is not a Kubernetes one. */
    public Resource resource() {
        return kubernetes.resource();
    }

    /** The Kubernetes action, or {@code null} when the request is not a Kubernetes one. */
    public Action action() {
        if (kubernetes.resource() == null) {
            return null;
        }
        boolean watch = kubernetes.watchPrefix() || isTrue(params.get("watch"));
        return Actions.of(Method.lookup(method), kubernetes.name() != null, watch);
    }

    /** The namespace from the URL, or for a create from the body's {@code metadata.namespace}; else {@code null}. */
    public String namespace() {
        if (kubernetes.namespace() != null || action() != Action.CREATE) {
            return kubernetes.namespace();
        }
        return metadataField("namespace");
    }

    /** The object name from the URL, or for a create from the body's {@code metadata.name}; else {@code null}. */
    public String name() {
        if (kubernetes.name() != null || action() != Action.CREATE) {
            return kubernetes.name();
        }
        return metadataField("name");
    }

    /** The subresource such as {@code status} or {@code scale}, or {@code null}. */
    public String subresource() {
        return kubernetes.subresource();
    }

    /** One readable line: method, URL and body size. */
    @Override
    public String toString() {
        URI url = url();
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String host = url.getHost() == null
                ? ""
                : " (host " + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + ")";
        return method + " " + (target.isEmpty() ? "/" : target) + host
                + (body.length == 0 ? "" : " [" + body.length + " bytes]") + (user == null ? "" : " as " + user);
    }

    private String metadataField(String field) {
        if (data() instanceof Map<?, ?> object
                && object.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get(field) instanceof String value) {
            return value;
        }
        return null;
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = SharedStrings.of(decode(eq < 0 ? pair : pair.substring(0, eq)));
            String value = eq < 0 ? "" : SharedStrings.of(decode(pair.substring(eq + 1)));
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        query.replaceAll((key, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(query);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text;
        }
    }

    /** Builds a {@link Request}; method and URL are required. */
    public static final class Builder {
        private String method = "GET";
        private URI url;
        private final Map<String, List<String>> headers = Headers.mutable();
        private byte[] body;
        private List<X509Certificate> clientCertificates = List.of();
        private String user;
        private List<String> groups = List.of();

        private Builder() {}

        /** The HTTP method, any case. */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** The URL: absolute ({@code http://host:port/path?q}) or a path with a query ({@code /path?q}). */
        public Builder url(URI url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /** The URL as text; see {@link #url(URI)}. */
        public Builder url(String url) {
            return url(URI.create(url));
        }

        /** Adds one header value. */
        public Builder header(String name, String value) {
            Headers.add(headers, name, value);
            return this;
        }

        /** Adds every value of every header. */
        public Builder headers(Map<String, ? extends List<String>> values) {
            values.forEach((name, list) -> list.forEach(value -> header(name, value)));
            return this;
        }

        /** The body bytes, kept as given (not copied): do not change the array afterwards. */
        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        /** The certificates the client presented over TLS, its own first. */
        public Builder clientCertificates(List<X509Certificate> certificates) {
            this.clientCertificates = List.copyOf(certificates);
            return this;
        }

        /** The caller's identity, when the request is made already authenticated. */
        public Builder user(String user, List<String> groups) {
            this.user = Objects.requireNonNull(user, "user");
            this.groups = List.copyOf(groups);
            return this;
        }

        /** The immutable request. */
        public Request build() {
            Objects.requireNonNull(url, "url");
            return new Request(this);
        }
    }
}
