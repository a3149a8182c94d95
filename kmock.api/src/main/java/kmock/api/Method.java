package kmock.api;

import java.util.Locale;

/**
 * HTTP methods, for criteria ({@code kmock.on(Method.GET)}) and for reading requests.
 *
 * @since 0.1
 */
public enum Method {
    GET,
    HEAD,
    POST,
    PUT,
    PATCH,
    DELETE,
    OPTIONS,
    TRACE,
    CONNECT;

    /** The method for a name in any case, or {@code null} when the name is not an HTTP method. */
    public static Method lookup(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
