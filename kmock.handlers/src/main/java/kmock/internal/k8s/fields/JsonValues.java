package kmock.internal.k8s.fields;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import kmock.internal.k8s.store.JsonTree;

/**
 * Plain JSON values (maps, lists, strings, numbers, booleans, null) as structured-merge-diff sees them: one total
 * order (numbers, then strings, booleans, lists, maps, null), and the two texts the API server writes for a value,
 * compact JSON inside {@code k:}/{@code v:} keys and the printed form of conflict paths.
 */
final class JsonValues {

    private JsonValues() {}

    /** A value with its numbers canonical: whole numbers as {@code Long} (when they fit), the others as {@code Double}. */
    static Object canonical(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big.doubleValue();
        }
        if (value instanceof BigDecimal || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    /** Whether two values are equal as JSON. */
    static boolean same(Object a, Object b) {
        return JsonTree.same(a, b);
    }

    /** The total order of values: numbers by value, strings, booleans, lists lexically, maps by sorted keys, null last. */
    static int compare(Object a, Object b) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        switch (rankA) {
            case 0 -> {
                Number x = (Number) a;
                Number y = (Number) b;
                if (isWhole(x) && isWhole(y)) {
                    return Long.compare(x.longValue(), y.longValue());
                }
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            case 1 -> {
                return ((String) a).compareTo((String) b);
            }
            case 2 -> {
                return Boolean.compare((Boolean) a, (Boolean) b);
            }
            case 3 -> {
                Iterator<?> right = ((List<?>) b).iterator();
                for (Object item : (List<?>) a) {
                    if (!right.hasNext()) {
                        return 1;
                    }
                    int c = compare(item, right.next());
                    if (c != 0) {
                        return c;
                    }
                }
                return right.hasNext() ? -1 : 0;
            }
            case 4 -> {
                return compareMaps((Map<?, ?>) a, (Map<?, ?>) b);
            }
            default -> {
                return 0;
            }
        }
    }

    private static int compareMaps(Map<?, ?> a, Map<?, ?> b) {
        TreeSet<String> keys = new TreeSet<>();
        a.keySet().forEach(k -> keys.add(String.valueOf(k)));
        b.keySet().forEach(k -> keys.add(String.valueOf(k)));
        for (String key : keys) {
            if (!a.containsKey(key)) {
                return 1;
            }
            if (!b.containsKey(key)) {
                return -1;
            }
            int c = compare(a.get(key), b.get(key));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int rank(Object value) {
        if (value instanceof Number) {
            return 0;
        }
        if (value instanceof String) {
            return 1;
        }
        if (value instanceof Boolean) {
            return 2;
        }
        if (value instanceof List<?>) {
            return 3;
        }
        if (value instanceof Map<?, ?>) {
            return 4;
        }
        return 5;
    }

    private static boolean isWhole(Number n) {
        return n instanceof Long
                || n instanceof Integer
                || n instanceof Short
                || n instanceof Byte
                || n instanceof BigInteger;
    }

    /** Compact JSON as Go's encoder writes it: HTML characters escaped, map keys sorted. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(out, value);
        return out.toString();
    }

    static void writeJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quoteJson(out, text);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number number) {
            out.append(isWhole(number) ? number.toString() : goFloat(number.doubleValue(), true));
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeJson(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(k -> keys.add(String.valueOf(k)));
            keys.sort(null);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                quoteJson(out, keys.get(i));
                out.append(':');
                writeJson(out, map.get(keys.get(i)));
            }
            out.append('}');
        } else {
            quoteJson(out, value.toString());
        }
    }

    /** A JSON string literal with Go's escaping (including {@code <}, {@code >}, {@code &}, U+2028 and U+2029). */
    static void quoteJson(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A value as Go's {@code %v} prints it in conflict paths: strings quoted, numbers and booleans plain. */
    static String display(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return goQuote(text);
        }
        if (value instanceof Number number) {
            return isWhole(number) ? number.toString() : goFloat(number.doubleValue(), false);
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(item -> parts.add(display(item)));
            return "[" + String.join(",", parts) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder();
            map.forEach((k, v) -> out.append(k).append('=').append(display(v)));
            return out.toString();
        }
        return value.toString();
    }

    /** A string as Go's {@code %q} quotes it. */
    static String goQuote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 7 -> out.append("\\a");
                case 8 -> out.append("\\b");
                case 12 -> out.append("\\f");
                case 11 -> out.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (!Character.isDefined(cp)
                            || Character.getType(cp) == Character.CONTROL
                            || Character.getType(cp) == Character.FORMAT) {
                        out.append(cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /**
     * A float as Go writes it: JSON's encoder ({@code json}) switches to exponent form below 1e-6 and from 1e21,
     * {@code %v} from exponent -4 and 21; both drop a trailing {@code .0}.
     */
    static String goFloat(double value, boolean json) {
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            return new BigDecimal(value).toPlainString();
        }
        double abs = Math.abs(value);
        boolean exponent = abs != 0 && (abs < (json ? 1e-6 : 1e-4) || abs >= 1e21);
        if (!exponent) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        String text = String.valueOf(value);
        int e = text.indexOf('E');
        String mantissa = text.substring(0, e).replaceAll("\\.0$", "");
        int power = Integer.parseInt(text.substring(e + 1));
        return mantissa + "e" + (power < 0 ? "-" : "+") + (Math.abs(power) < 10 ? "0" : "") + Math.abs(power);
    }
}
