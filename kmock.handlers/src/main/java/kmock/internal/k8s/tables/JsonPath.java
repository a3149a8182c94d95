package kmock.internal.k8s.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSONPath that custom resource definitions use in printer columns and selectable fields: fields
 * ({@code .spec.replicas}, {@code ['a.b']}), indexes ({@code [0]}, {@code [-1]}), wildcards ({@code [*]},
 * {@code .*}) and filters on a field ({@code [?(@.type=="Ready")]}, {@code !=}, or mere presence). Missing keys
 * give no result rather than an error, as the API server evaluates them. Immutable.
 */
public final class JsonPath {

    private final String text;
    private final List<Step> steps;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * Compiles a path such as {@code .status.conditions[?(@.type=="Ready")].status}; an enclosing {@code {…}} is
     * allowed.
     *
     * @throws IllegalArgumentException naming the path and the position for anything outside the subset
     */
    public static JsonPath compile(String path) {
        String body = path.strip();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1).strip();
        }
        return new JsonPath(path, new Parser(path, body).steps());
    }

    /** Every value the path reaches in a JSON tree, in document order; empty when it reaches none. */
    public List<Object> find(Object root) {
        List<Object> current = new ArrayList<>();
        current.add(root);
        for (Step step : steps) {
            List<Object> next = new ArrayList<>();
            for (Object node : current) {
                step.apply(node, next);
            }
            current = next;
        }
        current.removeIf(Objects::isNull);
        return current;
    }

    /** The first value the path reaches, or {@code null}. */
    public Object first(Object root) {
        List<Object> found = find(root);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public String toString() {
        return text;
    }

    /** One step from a node to the nodes below it. */
    private interface Step {
        void apply(Object node, List<Object> into);
    }

    private record Field(String name) implements Step {
        @Override
        public void apply(Object node, List<Object> into) {
            if (node instanceof Map<?, ?> map && map.containsKey(name)) {
                into.add(map.get(name));
            }
        }
    }

    private record Index(int index) implements Step {
        @Override
        public void apply(Object node, List<Object> into) {
            if (node instanceof List<?> list) {
                int at = index < 0 ? list.size() + index : index;
                if (at >= 0 && at < list.size()) {
                    into.add(list.get(at));
                }
            }
        }
    }

    private record Wildcard() implements Step {
        @Override
        public void apply(Object node, List<Object> into) {
            if (node instanceof List<?> list) {
                into.addAll(list);
            } else if (node instanceof Map<?, ?> map) {
                into.addAll(map.values());
            }
        }
    }

    /** {@code [?(@.path op literal)]}, or {@code [?(@.path)]} for presence. */
    private record Filter(JsonPath left, String operator, Object literal) implements Step {
        @Override
        public void apply(Object node, List<Object> into) {
            List<?> items = node instanceof List<?> list ? list : List.of();
            for (Object item : items) {
                Object value = left.first(item);
                boolean keep = operator == null ? value != null : operator.equals("==") == same(value, literal);
                if (keep) {
                    into.add(item);
                }
            }
        }

        private static boolean same(Object value, Object literal) {
            if (value instanceof Number a && literal instanceof Number b) {
                return a.doubleValue() == b.doubleValue();
            }
            return value != null && value.equals(literal);
        }
    }

    /** A recursive-descent reader of the subset. */
    private static final class Parser {
        private final String original;
        private final String text;
        private int at;

        Parser(String original, String text) {
            this.original = original;
            this.text = text;
        }

        List<Step> steps() {
            List<Step> steps = new ArrayList<>();
            if (text.startsWith("$")) {
                at = 1;
            }
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '.') {
                    at++;
                    if (at < text.length() && text.charAt(at) == '.') {
                        throw fail("recursive descent (..) is not supported");
                    }
                    if (at < text.length() && text.charAt(at) == '*') {
                        at++;
                        steps.add(new Wildcard());
                        continue;
                    }
                    int start = at;
                    while (at < text.length() && text.charAt(at) != '.' && text.charAt(at) != '[') {
                        at++;
                    }
                    if (start == at) {
                        throw fail("a field name is missing");
                    }
                    steps.add(new Field(text.substring(start, at)));
                } else if (c == '[') {
                    steps.add(bracket());
                } else {
                    throw fail("'" + c + "' is unexpected");
                }
            }
            return steps;
        }

        private Step bracket() {
            int close = text.indexOf(']', at);
            if (text.startsWith("[?(", at)) {
                int end = text.indexOf(")]", at);
                if (end < 0) {
                    throw fail("a filter is not closed with )]");
                }
                String condition = text.substring(at + 3, end).strip();
                at = end + 2;
                return filter(condition);
            }
            if (close < 0) {
                throw fail("a '[' is not closed");
            }
            String inside = text.substring(at + 1, close).strip();
            at = close + 1;
            if (inside.equals("*")) {
                return new Wildcard();
            }
            if (inside.length() >= 2
                    && (inside.startsWith("'") && inside.endsWith("'")
                            || inside.startsWith("\"") && inside.endsWith("\""))) {
                return new Field(inside.substring(1, inside.length() - 1));
            }
            try {
                return new Index(Integer.parseInt(inside));
            } catch (NumberFormatException e) {
                throw fail("'[" + inside + "]' is neither an index, a quoted field, '*' nor a filter");
            }
        }

        private Step filter(String condition) {
            if (!condition.startsWith("@")) {
                throw fail("a filter must start with @");
            }
            int operatorAt = condition.indexOf("==");
            String operator = "==";
            if (condition.indexOf("!=") >= 0) {
                operatorAt = condition.indexOf("!=");
                operator = "!=";
            }
            if (operatorAt < 0) {
                return new Filter(compile(condition.substring(1)), null, null);
            }
            JsonPath left = compile(condition.substring(1, operatorAt).strip());
            return new Filter(
                    left, operator, literal(condition.substring(operatorAt + 2).strip()));
        }

        private Object literal(String literal) {
            if (literal.length() >= 2
                    && (literal.startsWith("\"") && literal.endsWith("\"")
                            || literal.startsWith("'") && literal.endsWith("'"))) {
                return literal.substring(1, literal.length() - 1);
            }
            if (literal.equals("true") || literal.equals("false")) {
                return Boolean.valueOf(literal);
            }
            try {
                return Double.valueOf(literal);
            } catch (NumberFormatException e) {
                throw fail("'" + literal + "' is not a string, number or boolean literal");
            }
        }

        private IllegalArgumentException fail(String why) {
            return new IllegalArgumentException(
                    "Unsupported JSONPath '" + original + "' at position " + at + ": " + why);
        }
    }
}
