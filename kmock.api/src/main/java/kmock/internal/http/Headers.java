package kmock.internal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Case-insensitive, multi-valued header maps, as every public type of the library exposes them. */
public final class Headers {

    private Headers() {}

    /** A new, empty, mutable case-insensitive map. */
    public static Map<String, List<String>> mutable() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    /** An unmodifiable case-insensitive copy; keys keep the case they were first given in. */
    public static Map<String, List<String>> copyOf(Map<String, ? extends List<String>> headers) {
        if (headers == null || headers.isEmpty()) {
            return HeaderMap.EMPTY;
        }
        if (headers instanceof HeaderMap compact) {
            return compact;
        }
        if (headers instanceof TreeMap<?, ?> tree && tree.comparator() == String.CASE_INSENSITIVE_ORDER) {
            return HeaderMap.ofSorted(headers); // a builder's map: already merged and in order
        }
        Map<String, List<String>> merged = mutable();
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        return HeaderMap.ofSorted(merged);
    }

    /** Adds one value under a name in a mutable map made by {@link #mutable()}. */
    public static void add(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** The first value under a name, or {@code null}. */
    public static String first(Map<String, List<String>> headers, String name) {
        if (headers instanceof HeaderMap compact) {
            return compact.first(name);
        }
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Cookies of {@code Cookie} request headers: {@code a=1; b=2}, first value per name. */
    public static Map<String, String> requestCookies(Map<String, List<String>> headers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers.getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(
                            pair.substring(0, eq).trim(),
                            unquote(pair.substring(eq + 1).trim()));
                }
            }
        }
        return Collections.unmodifiableMap(cookies);
    }

    /** Cookies of {@code Set-Cookie} response headers: name to value, attributes dropped. */
    public static Map<String, String> responseCookies(Map<String, List<String>> headers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers.getOrDefault("Set-Cookie", List.of())) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(
                        pair.substring(0, eq).trim(),
                        unquote(pair.substring(eq + 1).trim()));
            }
        }
        return Collections.unmodifiableMap(cookies);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
