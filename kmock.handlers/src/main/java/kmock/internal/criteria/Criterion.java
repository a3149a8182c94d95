package kmock.internal.criteria;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import kmock.api.Request;

/**
 * One compiled criterion: a test of a request, a description for messages, what the dispatcher may know about it
 * without running it (whether it is pure, and the literal method or path it requires), and how a request misses
 * it, for near-miss reports.
 */
public interface Criterion extends Predicate<Request> {

    /** A short description such as {@code path=/api} for failure messages. */
    String describe();

    /** Whether running it has no side effects and its answer depends only on the request, so it may be skipped. */
    default boolean pure() {
        return true;
    }

    /** The exact decoded path it requires, or {@code null}. */
    default String literalPath() {
        return null;
    }

    /** The exact method it requires, upper case, or {@code null}. */
    default String literalMethod() {
        return null;
    }

    /** The complete resource it names, which Kubernetes handlers then serve in discovery, or {@code null}. */
    default kmock.api.Resource literalResource() {
        return null;
    }

    /**
     * How a request misses this criterion, one line per difference ({@code method: expected POST, got GET}); empty
     * when it matches. Only called on pure criteria.
     */
    default List<String> mismatches(Request request) {
        return test(request) ? List.of() : List.of(describe() + ": not matched");
    }

    /** A criterion that may have side effects or change over time: never skipped by the dispatcher's index. */
    static Criterion impure(String description, Predicate<Request> test) {
        return new Simple(description, test, false, null, null, null);
    }

    /**
     * A criterion on one field of a request, compared with {@link Values#matches}: its mismatch reads
     * {@code label: expected …, got …}.
     */
    static Criterion field(String label, Object expected, Function<Request, String> field) {
        return new Simple(
                label + "=" + Mismatches.expected(expected),
                request -> Values.matches(expected, field.apply(request)),
                true,
                null,
                null,
                request -> Mismatches.line(label, expected, field.apply(request)));
    }

    /** An exact path. */
    static Criterion path(String path) {
        return new Simple(
                "path=" + path,
                request -> request.path().equals(path),
                true,
                path,
                null,
                request -> Mismatches.line("path", path, request.path()));
    }

    /** A pattern that the whole path must match. */
    static Criterion path(java.util.regex.Pattern pattern) {
        return new Simple(
                "path~" + pattern,
                request -> pattern.matcher(request.path()).matches(),
                true,
                null,
                null,
                request -> Mismatches.line("path", pattern, request.path()));
    }

    /** A Kubernetes resource; its {@code null} parts match anything, and a complete one is known to discovery. */
    static Criterion resource(kmock.api.Resource resource) {
        return new Named(
                resource,
                new Simple(
                        "resource=" + resource,
                        request -> resource.matches(request.resource()),
                        true,
                        null,
                        null,
                        request -> Mismatches.line(
                                "resource",
                                resource,
                                request.resource() == null
                                        ? null
                                        : request.resource().toString())));
    }

    /** A Kubernetes action. */
    static Criterion action(kmock.api.Action action) {
        return new Simple(
                "action=" + action,
                request -> request.action() == action,
                true,
                null,
                null,
                request -> Mismatches.line(
                        "action",
                        action,
                        request.action() == null ? null : request.action().toString()));
    }

    /** An exact method. */
    static Criterion method(String method) {
        String upper = method.toUpperCase(java.util.Locale.ROOT);
        return new Simple(
                "method=" + upper,
                request -> request.method().equals(upper),
                true,
                null,
                upper,
                request -> Mismatches.line("method", upper, request.method()));
    }

    /** Query parameters as a subset. */
    static Criterion params(Map<String, ?> params) {
        return new Subset(
                "params" + params, "param", new java.util.LinkedHashMap<>(params), request -> request.params()::get);
    }

    /** Headers as a subset, names case-insensitive. */
    static Criterion headers(Map<String, ?> headers) {
        return new Subset(
                "headers" + headers, "header", new java.util.LinkedHashMap<>(headers), request -> request::header);
    }

    /** Cookies as a subset. */
    static Criterion cookies(Map<String, ?> cookies) {
        return new Subset(
                "cookies" + cookies,
                "cookie",
                new java.util.LinkedHashMap<>(cookies),
                request -> request.cookies()::get);
    }

    /** The plain implementation; {@code explain} gives the mismatch line, or {@code null} for the generic one. */
    record Simple(
            String describe,
            Predicate<Request> test,
            boolean pure,
            String literalPath,
            String literalMethod,
            Function<Request, String> explain)
            implements Criterion {
        @Override
        public boolean test(Request request) {
            return test.test(request);
        }

        @Override
        public List<String> mismatches(Request request) {
            if (test(request)) {
                return List.of();
            }
            return List.of(explain == null ? describe + ": not matched" : explain.apply(request));
        }

        @Override
        public String toString() {
            return describe;
        }
    }

    /** A resource criterion: a plain one that also names its resource for discovery. */
    record Named(kmock.api.Resource resource, Criterion criterion) implements Criterion {
        @Override
        public boolean test(Request request) {
            return criterion.test(request);
        }

        @Override
        public String describe() {
            return criterion.describe();
        }

        @Override
        public List<String> mismatches(Request request) {
            return criterion.mismatches(request);
        }

        @Override
        public kmock.api.Resource literalResource() {
            return resource.isComplete() ? resource : null;
        }

        @Override
        public String toString() {
            return criterion.describe();
        }
    }

    /** Named values that must be present with matching values (params, headers, cookies); others are ignored. */
    record Subset(
            String describe,
            String label,
            Map<String, Object> expected,
            Function<Request, Function<String, String>> lookup)
            implements Criterion {

        @Override
        public boolean test(Request request) {
            return Values.subset(expected, lookup.apply(request));
        }

        @Override
        public List<String> mismatches(Request request) {
            Function<String, String> actual = lookup.apply(request);
            return expected.entrySet().stream()
                    .filter(entry -> !Values.matches(entry.getValue(), actual.apply(entry.getKey())))
                    .map(entry -> Mismatches.line(
                            label + " " + entry.getKey(), entry.getValue(), actual.apply(entry.getKey())))
                    .toList();
        }

        @Override
        public String toString() {
            return describe;
        }
    }
}
