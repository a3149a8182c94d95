package kmock.internal.k8s.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Cause;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * The field errors of one validation, worded as k8s.io/apimachinery's {@code field.Error} words them
 * ({@code spec.replicas: Invalid value: -1: must be greater than or equal to 0}), and turned into the API server's
 * {@code 422 Invalid} with one cause per error.
 */
final class FieldErrors {

    /** The kinds of field errors, with the cause reason and the words the API server uses for each. */
    enum Type {
        NOT_FOUND("FieldValueNotFound", "Not found", true),
        REQUIRED("FieldValueRequired", "Required value", false),
        DUPLICATE("FieldValueDuplicate", "Duplicate value", true),
        INVALID("FieldValueInvalid", "Invalid value", true),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value", true),
        FORBIDDEN("FieldValueForbidden", "Forbidden", false),
        TOO_LONG("FieldValueTooLong", "Too long", false),
        TOO_MANY("FieldValueTooMany", "Too many", true),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value", true);

        private final String reason;
        private final String words;
        private final boolean showsValue;

        Type(String reason, String words, boolean showsValue) {
            this.reason = reason;
            this.words = words;
            this.showsValue = showsValue;
        }
    }

    private record Error(Type type, String field, Object value, String detail) {

        String body() {
            String body = type.showsValue ? type.words + ": " + goValue(value) : type.words;
            return detail == null || detail.isEmpty() ? body : body + ": " + detail;
        }

        String text() {
            return field + ": " + body();
        }
    }

    private final List<Error> errors = new ArrayList<>();

    void add(Type type, String field, Object value, String detail) {
        errors.add(new Error(type, field, value, detail));
    }

    void required(String field, String detail) {
        add(Type.REQUIRED, field, null, detail);
    }

    void invalid(String field, Object value, String detail) {
        add(Type.INVALID, field, value, detail);
    }

    void forbidden(String field, String detail) {
        add(Type.FORBIDDEN, field, null, detail);
    }

    /** An enum value outside the allowed ones: {@code Unsupported value: "X": supported values: "A", "B"}. */
    void notSupported(String field, Object value, List<?> allowed) {
        List<String> quoted = new ArrayList<>();
        for (Object option : allowed) {
            quoted.add(quote(String.valueOf(option)));
        }
        add(
                Type.NOT_SUPPORTED,
                field,
                value,
                allowed.isEmpty() ? "" : "supported values: " + String.join(", ", quoted));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /**
     * The {@code 422 Invalid} of an object of a kind, or nothing when there were no errors.
     *
     * @throws KubernetesException when there were errors
     */
    void throwIfAny(GroupVersionKind gvk, String name) {
        if (!errors.isEmpty()) {
            throw toException(gvk, name);
        }
    }

    /** The {@code 422 Invalid} of the errors so far (at least one) about an object of a kind. */
    KubernetesException toException(GroupVersionKind gvk, String name) {
        String qualified = gvk.group().isEmpty() ? gvk.kind() : gvk.kind() + "." + gvk.group();
        List<Cause> causes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Error error : errors) {
            causes.add(new Cause(error.type().reason, error.body(), error.field()));
            texts.add(error.text());
        }
        String all = texts.size() == 1 ? texts.get(0) : "[" + String.join(", ", texts) + "]";
        return new KubernetesException(
                Reason.INVALID,
                qualified + " " + quote(name == null ? "" : name) + " is invalid: " + all,
                name,
                gvk.group(),
                gvk.kind(),
                causes);
    }

    /** A value as Go's {@code %v}/{@code %q}/{@code %#v} prints it in field errors. */
    static String goValue(Object value) {
        if (value == null) {
            return "\"null\"";
        }
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            new java.util.TreeMap<>(map).forEach((k, v) -> entries.add(quote(String.valueOf(k)) + ":" + goValue(v)));
            return "map[string]string{" + String.join(", ", entries) + "}";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(goValue(item)));
            return "[]string{" + String.join(", ", items) + "}";
        }
        return value.toString();
    }

    /** Go's {@code %q}: a double-quoted string with escapes. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
