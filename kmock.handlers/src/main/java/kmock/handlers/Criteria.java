package kmock.handlers;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import kmock.api.Action;
import kmock.api.Request;
import kmock.api.Resource;
import kmock.internal.criteria.ContentCriteria;
import kmock.internal.criteria.Criterion;
import kmock.internal.criteria.ExplicitCriteria;
import kmock.internal.criteria.Values;

/**
 * Explicit criteria for {@link View#on}, for when a plain value would be read otherwise:
 * {@code kmock.on(Criteria.path("/list"))} matches the path "/list" where {@code "list"} alone is the Kubernetes
 * action. In maps of params, headers and cookies, values are strings, {@link Pattern}s (full match) or
 * {@link #ANY}; {@code null} for namespace, name, subresource, body and data means "absent".
 *
 * @since 0.1
 */
public final class Criteria implements Predicate<Request> {

    /** Matches any present value: {@code Criteria.params(Map.of("watch", Criteria.ANY))}. */
    public static final Object ANY = Values.ANY;

    static {
        ExplicitCriteria.readWith(value -> value instanceof Criteria criteria ? criteria.criterion : null);
    }

    private final Criterion criterion;

    private Criteria(Criterion criterion) {
        this.criterion = criterion;
    }

    /** Whether a request matches. */
    @Override
    public boolean test(Request request) {
        return criterion.test(request);
    }

    /** The HTTP method, any string (extension methods such as {@code "store"} included), in any case. */
    public static Criteria method(String method) {
        return new Criteria(Criterion.method(Objects.requireNonNull(method, "method")));
    }

    /** The exact decoded path. */
    public static Criteria path(String path) {
        return new Criteria(Criterion.path(Objects.requireNonNull(path, "path")));
    }

    /** A pattern that the whole decoded path must match. */
    public static Criteria path(Pattern path) {
        return new Criteria(Criterion.path(path));
    }

    /** Query parameters that must be present with matching values; others are ignored. */
    public static Criteria params(Map<String, ?> params) {
        Values.check("params", params);
        return new Criteria(Criterion.params(params));
    }

    /** Query parameters as a query string: {@code "a=1&b=2"}. */
    public static Criteria params(String query) {
        Request parsed = Request.builder().url("/?" + query).build();
        return params(parsed.params());
    }

    /** Headers that must be present with matching values (names case-insensitive); others are ignored. */
    public static Criteria headers(Map<String, ?> headers) {
        Values.check("headers", headers);
        return new Criteria(Criterion.headers(headers));
    }

    /** One header as {@code "Name: value"}. */
    public static Criteria headers(String header) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("A header criterion reads 'Name: value', got '" + header + "'");
        }
        return headers(Map.of(
                header.substring(0, colon).trim(), header.substring(colon + 1).trim()));
    }

    /** Cookies that must be present with matching values. */
    public static Criteria cookies(Map<String, ?> cookies) {
        Values.check("cookies", cookies);
        return new Criteria(Criterion.cookies(cookies));
    }

    /** The exact body bytes; {@code null} means no body (write {@code Criteria.body((byte[]) null)}). */
    public static Criteria body(byte[] body) {
        return new Criteria(ContentCriteria.body(body == null ? null : body.clone()));
    }

    /** A pattern that the whole body, read as UTF-8, must match. */
    public static Criteria body(Pattern body) {
        return text(body);
    }

    /** The exact body text (UTF-8); {@code null} means no body. */
    public static Criteria text(String text) {
        return text == null ? body((byte[]) null) : body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A pattern that the whole body text (UTF-8) must match. */
    public static Criteria text(Pattern text) {
        return new Criteria(ContentCriteria.text(text));
    }

    /** The body parsed as JSON equals this value (maps, lists, strings, numbers); {@code null} means no JSON body. */
    public static Criteria data(Object data) {
        return new Criteria(ContentCriteria.data(data));
    }

    /** A Kubernetes resource in any notation; a bare plural ({@code "pods"}) or {@code "deployments.apps"} match any version. */
    public static Criteria resource(String resource) {
        return resource(Resource.parse(resource));
    }

    /** A Kubernetes resource; {@code null} parts match anything. */
    public static Criteria resource(Resource resource) {
        return new Criteria(Criterion.resource(Objects.requireNonNull(resource, "resource")));
    }

    /** A Kubernetes action. */
    public static Criteria action(Action action) {
        return new Criteria(Criterion.action(Objects.requireNonNull(action, "action")));
    }

    /** The namespace: a string, a pattern, or {@code null} for "no namespace". */
    public static Criteria namespace(Object namespace) {
        return field("namespace", namespace, Request::namespace);
    }

    /** The object name: a string, a pattern, or {@code null} for "no name". */
    public static Criteria name(Object name) {
        return field("name", name, Request::name);
    }

    /** The subresource: a string, a pattern, or {@code null} for "no subresource". */
    public static Criteria subresource(Object subresource) {
        return field("subresource", subresource, Request::subresource);
    }

    private static Criteria field(String what, Object expected, java.util.function.Function<Request, String> field) {
        if (!(expected == null || expected instanceof String || expected instanceof Pattern || expected == ANY)) {
            throw new IllegalArgumentException(
                    what + " must be a String, a Pattern, Criteria.ANY or null (absent), got " + expected);
        }
        return new Criteria(Criterion.field(what, expected, field));
    }

    @Override
    public String toString() {
        return criterion.describe();
    }
}
