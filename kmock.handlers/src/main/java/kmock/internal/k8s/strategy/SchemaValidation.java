package kmock.internal.k8s.strategy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.AnySchema;
import kmock.internal.k8s.schema.Constraints;
import kmock.internal.k8s.schema.Field;
import kmock.internal.k8s.schema.ListSchema;
import kmock.internal.k8s.schema.MapSchema;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.ScalarSchema;
import kmock.internal.k8s.schema.Schema;

/**
 * Validation of an object against its schema. A custom resource is checked as the apiextensions-apiserver checks it
 * against its structural schema (types, required, enum, bounds, lengths, pattern, item and property counts; CEL
 * rules are not evaluated), with kube-openapi's messages. A built-in kind is checked for what the schema alone can
 * say without false alarms: enum values and required names, selectors and references, outside {@code status}.
 */
final class SchemaValidation {

    private final FieldErrors errors;
    private final boolean custom;

    private SchemaValidation(FieldErrors errors, boolean custom) {
        this.errors = errors;
        this.custom = custom;
    }

    /** Checks an object (its {@code metadata} is left to {@link NameRules}). */
    static void check(ObjectSchema schema, Map<String, Object> object, boolean custom, FieldErrors errors) {
        SchemaValidation validation = new SchemaValidation(errors, custom);
        for (Field field : schema.fields().values()) {
            if (field.name().equals("metadata")
                    || field.name().equals("apiVersion")
                    || field.name().equals("kind")
                    || (!custom && field.name().equals("status"))) {
                continue;
            }
            validation.field(field, object, null);
        }
    }

    /** Checks a field of an object at {@code parentPath} ({@code null}: the top level); its path is built only when used. */
    private void field(Field field, Map<?, ?> parent, String parentPath) {
        Object value = parent.get(field.name());
        if (value == null && !field.required()) {
            return;
        }
        String path = parentPath == null ? field.name() : parentPath + "." + field.name();
        if (value == null) {
            if (field.required() && (custom || isRequiredBuiltIn(field))) {
                errors.required(path, "");
            }
            return;
        }
        if (!custom && field.required() && value instanceof String text && text.isEmpty() && isRequiredBuiltIn(field)) {
            errors.required(path, "");
            return;
        }
        value(field.schema(), value, path);
    }

    /**
     * Built-in kinds: the API server's validators require names, keys and references that the types mark required,
     * but not values that may well be empty ({@code value}) nor lists, which are checked where they matter.
     */
    private static boolean isRequiredBuiltIn(Field field) {
        Schema schema = field.schema();
        return !field.name().equals("value")
                && (field.pointer()
                        || (schema instanceof ScalarSchema scalar && scalar.type() == ScalarSchema.Type.STRING));
    }

    private void value(Schema schema, Object value, String path) {
        if (schema instanceof AnySchema) {
            return;
        }
        if (custom && !typeMatches(schema, value)) {
            String actual = jsonType(value);
            errors.add(
                    FieldErrors.Type.TYPE_INVALID,
                    path,
                    actual,
                    path + " in body must be of type " + schema.typeName() + ": " + FieldErrors.quote(actual));
            return;
        }
        if (schema instanceof ObjectSchema object && value instanceof Map<?, ?> map) {
            constraints(object.constraints(), value, path);
            for (Field field : object.fields().values()) {
                if (object.embeddedResource()
                        && List.of("apiVersion", "kind", "metadata").contains(field.name())) {
                    continue;
                }
                field(field, map, path);
            }
        } else if (schema instanceof ListSchema list && value instanceof List<?> items) {
            constraints(list.constraints(), value, path);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) != null) {
                    value(list.items(), items.get(i), path + "[" + i + "]");
                }
            }
        } else if (schema instanceof MapSchema map && value instanceof Map<?, ?> entries) {
            constraints(map.constraints(), value, path);
            entries.forEach((key, item) -> {
                if (item != null) {
                    value(map.values(), item, path + "[" + key + "]");
                }
            });
        } else if (schema instanceof ScalarSchema scalar) {
            constraints(scalar.constraints(), value, path);
        }
    }

    private void constraints(Constraints c, Object value, String path) {
        if (!c.enumValues().isEmpty() && c.enumValues().stream().noneMatch(allowed -> sameJson(allowed, value))) {
            errors.notSupported(path, value, c.enumValues());
            return;
        }
        if (!custom) {
            return; // built-in kinds declare nothing but enums
        }
        if (value instanceof Number number) {
            BigDecimal actual = new BigDecimal(number.toString());
            if (c.maximum() != null
                    && (c.exclusiveMaximum()
                            ? actual.compareTo(c.maximum()) >= 0
                            : actual.compareTo(c.maximum()) > 0)) {
                errors.invalid(
                        path,
                        number,
                        path + " in body should be less than " + (c.exclusiveMaximum() ? "" : "or equal to ")
                                + FieldErrors.goValue(c.maximum()));
            }
            if (c.minimum() != null
                    && (c.exclusiveMinimum()
                            ? actual.compareTo(c.minimum()) <= 0
                            : actual.compareTo(c.minimum()) < 0)) {
                errors.invalid(
                        path,
                        number,
                        path + " in body should be greater than " + (c.exclusiveMinimum() ? "" : "or equal to ")
                                + FieldErrors.goValue(c.minimum()));
            }
        }
        if (value instanceof String text) {
            long length = text.codePointCount(0, text.length());
            if (c.maxLength() != null && length > c.maxLength()) {
                errors.add(FieldErrors.Type.TOO_LONG, path, null, "may not be more than " + c.maxLength() + " bytes");
            }
            if (c.minLength() != null && length < c.minLength()) {
                errors.invalid(path, text, path + " in body should be at least " + c.minLength() + " chars long");
            }
            if (c.pattern() != null && !c.pattern().matcher(text).find()) {
                errors.invalid(
                        path,
                        text,
                        path + " in body should match '" + c.pattern().pattern() + "'");
            }
        }
        if (value instanceof List<?> list) {
            if (c.maxItems() != null && list.size() > c.maxItems()) {
                errors.add(
                        FieldErrors.Type.TOO_MANY, path, list.size(), "must have at most " + c.maxItems() + " items");
            }
            if (c.minItems() != null && list.size() < c.minItems()) {
                errors.invalid(path, list.size(), path + " in body should have at least " + c.minItems() + " items");
            }
        }
        if (value instanceof Map<?, ?> map) {
            if (c.maxProperties() != null && map.size() > c.maxProperties()) {
                errors.add(
                        FieldErrors.Type.TOO_MANY,
                        path,
                        map.size(),
                        "must have at most " + c.maxProperties() + " items");
            }
            if (c.minProperties() != null && map.size() < c.minProperties()) {
                errors.invalid(
                        path, map.size(), path + " in body should have at least " + c.minProperties() + " properties");
            }
        }
    }

    private static boolean typeMatches(Schema schema, Object value) {
        if (schema instanceof ObjectSchema || schema instanceof MapSchema) {
            return value instanceof Map;
        }
        if (schema instanceof ListSchema) {
            return value instanceof List;
        }
        if (!(schema instanceof ScalarSchema scalar)) {
            return true;
        }
        return switch (scalar.type()) {
            case BOOLEAN -> value instanceof Boolean;
            case INT32, INT64, INTEGER -> value instanceof Number n && isWhole(n);
            case DOUBLE, NUMBER -> value instanceof Number;
            case INT_OR_STRING -> value instanceof String || (value instanceof Number n && isWhole(n));
            default -> value instanceof String;
        };
    }

    private static boolean isWhole(Number number) {
        BigDecimal decimal = new BigDecimal(number.toString());
        return decimal.signum() == 0
                || decimal.scale() <= 0
                || decimal.stripTrailingZeros().scale() <= 0;
    }

    private static String jsonType(Object value) {
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number n) {
            return isWhole(n) ? "integer" : "number";
        }
        return value instanceof String ? "string" : "null";
    }

    private static boolean sameJson(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }
}
