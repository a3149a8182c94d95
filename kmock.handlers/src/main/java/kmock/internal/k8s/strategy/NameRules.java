package kmock.internal.k8s.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The metadata rules of {@code ValidateObjectMeta}: the name format each kind asks for, label keys and values,
 * annotation keys and finalizer names, worded as k8s.io/apimachinery's validation words them.
 */
final class NameRules {

    private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
    private static final String DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String QUALIFIED_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_FMT + ")?";
    private static final Pattern LABEL = Pattern.compile("^" + LABEL_FMT + "$");
    private static final Pattern SUBDOMAIN = Pattern.compile("^" + SUBDOMAIN_FMT + "$");
    private static final Pattern DNS1035 = Pattern.compile("^" + DNS1035_FMT + "$");
    private static final Pattern QUALIFIED = Pattern.compile("^" + QUALIFIED_FMT + "$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^" + LABEL_VALUE_FMT + "$");

    private static final String LABEL_MSG =
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters "
                    + "or '-', and must start and end with an alphanumeric character";
    private static final String SUBDOMAIN_MSG =
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                    + "characters, '-' or '.', and must start and end with an alphanumeric character";
    private static final String DNS1035_MSG =
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
                    + "start with an alphabetic character, and end with an alphanumeric character";
    private static final String QUALIFIED_MSG =
            "must consist of alphanumeric characters, '-', '_' or '.', and must start "
                    + "and end with an alphanumeric character";
    private static final String LABEL_VALUE_MSG =
            "a valid label must be an empty string or consist of alphanumeric characters, "
                    + "'-', '_' or '.', and must start and end with an alphanumeric character";

    private NameRules() {}

    /** Checks {@code metadata}: the name by the kind's rule, labels, annotations and finalizers. */
    static void check(String group, String kind, Map<String, Object> object, FieldErrors errors) {
        Map<?, ?> meta = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        if (meta.get("name") instanceof String name && !name.isEmpty()) {
            for (String message : nameMessages(group, kind, name, object)) {
                errors.invalid("metadata.name", name, message);
            }
        }
        if (meta.get("labels") instanceof Map<?, ?> labels) {
            labels.forEach((key, value) -> {
                for (String message : qualifiedName(String.valueOf(key))) {
                    errors.invalid("metadata.labels", key, message);
                }
                String text = value == null ? "" : String.valueOf(value);
                if (text.length() > 63) {
                    errors.invalid("metadata.labels", text, "must be no more than 63 characters");
                }
                if (!LABEL_VALUE.matcher(text).matches()) {
                    errors.invalid(
                            "metadata.labels",
                            text,
                            regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
                }
            });
        }
        if (meta.get("annotations") instanceof Map<?, ?> annotations) {
            annotations.keySet().forEach(key -> {
                for (String message : qualifiedName(String.valueOf(key))) {
                    errors.invalid("metadata.annotations", key, message);
                }
            });
        }
        if (meta.get("finalizers") instanceof List<?> finalizers) {
            for (Object finalizer : finalizers) {
                for (String message : qualifiedName(String.valueOf(finalizer))) {
                    errors.invalid("metadata.finalizers", String.valueOf(finalizer), message);
                }
            }
            if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
                errors.invalid(
                        "metadata.finalizers",
                        finalizers,
                        "finalizer orphan and foregroundDeletion cannot be both set");
            }
        }
    }

    private static List<String> nameMessages(String group, String kind, String name, Map<String, Object> object) {
        if (group.isEmpty() && kind.equals("Namespace")) {
            return dns(name, LABEL, 63, LABEL_MSG, LABEL_FMT, "my-name", "123-abc");
        }
        if (group.isEmpty() && kind.equals("Service")) {
            return dns(name, DNS1035, 63, DNS1035_MSG, DNS1035_FMT, "my-name", "abc-123");
        }
        if (group.equals("rbac.authorization.k8s.io")) {
            return pathSegment(name);
        }
        if (group.equals("apiextensions.k8s.io") && kind.equals("CustomResourceDefinition")) {
            Map<?, ?> spec = object.get("spec") instanceof Map<?, ?> s ? s : Map.of();
            Map<?, ?> names = spec.get("names") instanceof Map<?, ?> n ? n : Map.of();
            String expected = names.get("plural") + "." + spec.get("group");
            return name.equals(expected) ? List.of() : List.of("must be spec.names.plural+\".\"+spec.group");
        }
        return dns(name, SUBDOMAIN, 253, SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com");
    }

    private static List<String> dns(
            String name, Pattern pattern, int max, String message, String fmt, String... examples) {
        List<String> messages = new ArrayList<>();
        if (name.length() > max) {
            messages.add("must be no more than " + max + " characters");
        }
        if (!pattern.matcher(name).matches()) {
            messages.add(regexError(message, fmt, examples));
        }
        return messages;
    }

    private static List<String> pathSegment(String name) {
        List<String> messages = new ArrayList<>();
        if (name.equals(".") || name.equals("..")) {
            messages.add("may not be '" + name + "'");
        }
        if (name.contains("/")) {
            messages.add("may not contain '/'");
        }
        if (name.contains("%")) {
            messages.add("may not contain '%'");
        }
        return messages;
    }

    /** {@code IsQualifiedName}: an optional DNS subdomain prefix and a slash, then a name part. */
    static List<String> qualifiedName(String value) {
        List<String> messages = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            name = parts[1];
            if (parts[0].isEmpty()) {
                messages.add("prefix part must be non-empty");
            } else {
                for (String message : dns(parts[0], SUBDOMAIN, 253, SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com")) {
                    messages.add("prefix part " + message);
                }
            }
        } else {
            messages.add("a qualified name " + regexError(QUALIFIED_MSG, QUALIFIED_FMT, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return messages;
        }
        if (name.isEmpty()) {
            messages.add("name part must be non-empty");
        } else if (name.length() > 63) {
            messages.add("name part must be no more than 63 characters");
        }
        if (!QUALIFIED.matcher(name).matches()) {
            messages.add("name part " + regexError(QUALIFIED_MSG, QUALIFIED_FMT, "MyName", "my.name", "123-abc"));
        }
        return messages;
    }

    /** {@code RegexError}: the message, examples and the regular expression used. */
    static String regexError(String message, String fmt, String... examples) {
        StringBuilder out = new StringBuilder(message).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                out.append(" or ");
            }
            out.append('\'').append(examples[i]).append("', ");
        }
        return out.append("regex used for validation is '")
                .append(fmt)
                .append("')")
                .toString();
    }
}
