package kmock.internal.criteria;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import kmock.api.Action;
import kmock.api.Method;
import kmock.api.Request;
import kmock.api.Resource;
import kmock.internal.k8s.requests.ResourceNotation;

/**
 * Reads the plain values given to {@code on(...)} as criteria, as API.md's table says; anything else fails at
 * declaration with a message that says which forms exist and how to wrap the value.
 */
public final class CriteriaParser {

    private static final List<String> METHODS =
            List.of("get", "head", "post", "put", "patch", "delete", "options", "trace", "connect");
    private static final List<String> ACTIONS = List.of("list", "watch", "fetch", "create", "update");

    private CriteriaParser() {}

    /** The criteria of one {@code on(...)} argument, in evaluation order. */
    @SuppressWarnings("unchecked")
    public static List<Criterion> parse(Object value) {
        if (value instanceof Criterion criterion) {
            return List.of(criterion);
        }
        Criterion explicit = ExplicitCriteria.of(value);
        if (explicit != null) {
            return List.of(explicit);
        }
        if (value instanceof String text) {
            return parseString(text);
        }
        if (value instanceof Pattern pattern) {
            return List.of(Criterion.path(pattern));
        }
        if (value instanceof Method method) {
            return List.of(Criterion.method(method.name()));
        }
        if (value instanceof Action action) {
            return List.of(Criterion.action(action));
        }
        if (value instanceof Resource resource) {
            return List.of(Criterion.resource(resource));
        }
        if (value instanceof Map<?, ?> map) {
            Values.check("criteria map", map);
            Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) map);
            if (WellKnownHeaders.allHeaders(map)) {
                return List.of(Criterion.headers(copy));
            }
            for (Object key : copy.keySet()) {
                if (WellKnownHeaders.looksLikeHeader((String) key)) {
                    throw new IllegalArgumentException("The map " + copy + " would be read as query parameters (only "
                            + "maps whose keys are all well-known headers or X-… read as headers), but '" + key
                            + "' looks like a header name. Match headers with Criteria.headers(Map.of(\"" + key
                            + "\", …)), or say that query parameters are meant with Criteria.params(…).");
                }
            }
            return List.of(Criterion.params(copy));
        }
        if (value instanceof Predicate<?> predicate) {
            Predicate<Request> test = (Predicate<Request>) predicate;
            return List.of(Criterion.impure("a predicate", test));
        }
        if (value instanceof CompletableFuture<?> future) {
            return List.of(Criterion.impure("once its future is done", request -> future.isDone()));
        }
        if (value instanceof Future<?> future) {
            return List.of(Criterion.impure("once its future is done", request -> future.isDone()));
        }
        if (value instanceof CountDownLatch latch) {
            return List.of(Criterion.impure("once its latch is at zero", request -> latch.getCount() == 0));
        }
        if (value instanceof Set<?>) {
            throw new IllegalArgumentException("Sets are reserved as criteria (as in the Python original); give the "
                    + "values one by one, or use a java.util.function.Predicate<Request> for any-of logic.");
        }
        if (value instanceof Collection<?>) {
            throw new IllegalArgumentException(
                    "A list is not a criterion: pass its items as separate arguments of on(...), "
                            + "or Criteria.data(list) to match a JSON body.");
        }
        throw new IllegalArgumentException("Not a criterion: "
                + (value == null ? "null" : value + " (" + value.getClass().getName() + ")")
                + ". Use a method or path string, a Pattern, a Map of params or headers, a Predicate<Request>, a Future, "
                + "a CountDownLatch, Method, Action, Resource, or one of Criteria.*.");
    }

    private static List<Criterion> parseString(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(
                    "An empty string is not a criterion: use on() with no arguments to match everything.");
        }
        if (trimmed.startsWith("/")) {
            return pathAndQuery(trimmed);
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (METHODS.contains(lower)) {
            return List.of(Criterion.method(lower));
        }
        if (ACTIONS.contains(lower)) {
            return List.of(Criterion.action(Action.lookup(lower)));
        }
        Resource resource = ResourceNotation.tryParse(trimmed, false);
        if (resource != null) {
            return List.of(Criterion.resource(resource));
        }
        int space = trimmed.indexOf(' ');
        if (space > 0) {
            String first = trimmed.substring(0, space).toLowerCase(Locale.ROOT);
            String rest = trimmed.substring(space + 1).trim();
            // A verb (an HTTP method or a Kubernetes action) and a path or a resource, in any combination;
            // "delete" before a resource is the action, as kubectl means it.
            boolean action = ACTIONS.contains(first) || first.equals("delete");
            Criterion verb = action && !rest.startsWith("/")
                    ? Criterion.action(Action.lookup(first))
                    : METHODS.contains(first)
                            ? Criterion.method(first)
                            : action ? Criterion.action(Action.lookup(first)) : null;
            if (verb != null && rest.startsWith("/")) {
                List<Criterion> criteria = new ArrayList<>();
                criteria.add(verb);
                criteria.addAll(pathAndQuery(rest));
                return criteria;
            }
            Resource target = verb == null ? null : ResourceNotation.tryParse(rest, false);
            if (target != null) {
                return List.of(verb, Criterion.resource(target));
            }
        }
        throw new IllegalArgumentException(unknown(text));
    }

    private static List<Criterion> pathAndQuery(String text) {
        int question = text.indexOf('?');
        if (question < 0) {
            return List.of(Criterion.path(text));
        }
        Request parsed = Request.builder().url(text.replace(" ", "%20")).build();
        Map<String, String> params = parsed.params();
        return List.of(Criterion.path(parsed.path()), Criterion.params(params));
    }

    private static String unknown(String text) {
        StringBuilder message =
                new StringBuilder("Not a criterion string: '").append(text).append("'. ");
        String word = text.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
        String closest = closest(word);
        if (closest != null) {
            message.append("Did you mean '").append(closest).append("'? ");
        }
        message.append(
                "Strings are HTTP methods (get, post, put, patch, delete, head, options, trace, connect), paths "
                        + "starting with '/' ('/path?q=1'), Kubernetes actions (list, watch, fetch, create, update), resources "
                        + "('v1/pods', 'pods.v1', 'kopf.dev/v1/kopfexamples', 'kopfexamples.v1.kopf.dev'), or a method or action "
                        + "before a path or a resource ('get /path', 'list pods.v1', 'patch v1/configmaps'). "
                        + "Wrap anything else explicitly: Criteria.method(\"…\"), Criteria.path(\"…\"), Criteria.resource(\"…\"), Criteria.text(\"…\").");
        return message.toString();
    }

    private static String closest(String word) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : concat(METHODS, ACTIONS)) {
            int distance = distance(word, candidate);
            if (distance > 0 && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
