package kmock.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.spi.JsonCodec;

/**
 * The built-in JSON codec of {@code kmock-api}: plain values only, so the core needs no library. Binding to other
 * classes needs {@code kmock-handlers} (Jackson) on the path.
 */
public final class PlainJsonCodec implements JsonCodec {

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Object parse(byte[] json) {
        Reader reader = new Reader(new String(json, StandardCharsets.UTF_8));
        reader.skipSpace();
        Object value = reader.value(0);
        reader.skipSpace();
        if (!reader.atEnd()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    @Override
    public <T> T parse(byte[] json, Class<T> type) {
        Object value = parse(json);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw new IllegalArgumentException(
                "Cannot convert JSON " + value.getClass().getSimpleName() + " to " + type.getName()
                        + " without a binding codec: add io.github.kmock:kmock-handlers (Jackson).");
    }

    @Override
    public byte[] write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
            quote(value.toString(), out);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("JSON has no " + number);
            }
            out.append(value);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> || value instanceof Object[]) {
            Iterator<?> items =
                    value instanceof Object[] array ? List.of(array).iterator() : ((Iterable<?>) value).iterator();
            out.append('[');
            boolean first = true;
            while (items.hasNext()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(items.next(), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "Cannot write " + value.getClass().getName() + " as JSON without a "
                            + "binding codec: pass maps, lists and plain values, or add io.github.kmock:kmock-handlers (Jackson).");
        }
    }

    /** A string as a JSON string literal, also a valid Java one; without a codec, so quoting loads no library. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(text, out);
        return out.toString();
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A recursive-descent reader with a depth bound, so hostile input cannot overflow the stack. */
    private static final class Reader {
        private static final int MAX_DEPTH = 1000;
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        void skipSpace() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    break;
                }
                at++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Malformed JSON at offset " + at + ": " + what);
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
            if (atEnd()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("expected " + word);
            }
            at += word.length();
            return value;
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (!atEnd() && text.charAt(at) == '}') {
                at++;
                return map;
            }
            while (true) {
                skipSpace();
                if (atEnd() || text.charAt(at) != '"') {
                    throw error("expected a quoted key");
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                map.put(key, value(depth + 1));
                skipSpace();
                if (atEnd()) {
                    throw error("unterminated object");
                }
                char c = text.charAt(at++);
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    at--;
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            at++;
            skipSpace();
            if (!atEnd() && text.charAt(at) == ']') {
                at++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value(depth + 1));
                skipSpace();
                if (atEnd()) {
                    throw error("unterminated array");
                }
                char c = text.charAt(at++);
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    at--;
                    throw error("expected ',' or ']'");
                }
            }
        }

        private void expect(char c) {
            if (atEnd() || text.charAt(at) != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private String string() {
            at++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    at--;
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> {
                        at--;
                        throw error("bad escape '\\" + e + "'");
                    }
                }
            }
        }

        private Number number() {
            int start = at;
            if (text.charAt(at) == '-') {
                at++;
            }
            int digits = at;
            while (!atEnd() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == digits) {
                throw error("expected digits");
            }
            boolean integral = true;
            if (!atEnd() && text.charAt(at) == '.') {
                integral = false;
                at++;
                int fraction = at;
                while (!atEnd() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                if (at == fraction) {
                    throw error("expected digits after '.'");
                }
            }
            if (!atEnd() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                integral = false;
                at++;
                if (!atEnd() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                    at++;
                }
                int exponent = at;
                while (!atEnd() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                if (at == exponent) {
                    throw error("expected exponent digits");
                }
            }
            String number = text.substring(start, at);
            if (!integral) {
                return Double.parseDouble(number);
            }
            BigInteger big = new BigDecimal(number).toBigIntegerExact();
            if (big.bitLength() < 32) {
                return big.intValue();
            }
            return big.bitLength() < 64 ? (Number) big.longValue() : big;
        }
    }
}
