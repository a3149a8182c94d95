package kmock.internal.payloads;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import kmock.api.Payload;

/**
 * What a reaction's payloads let the server do ahead of a request: render the response once when every payload is
 * an immutable value (a status, text, bytes, a JSON scalar, copied headers), and answer on an I/O thread when no
 * payload may wait. Maps and lists given as JSON are the caller's live objects, so they are rendered per request.
 */
final class Constancy {

    private Constancy() {}

    /** Whether the response is the same for every request: only immutable values, no stream, nothing called. */
    static boolean isConstant(List<Object> metas, List<Object> body) {
        for (Object meta : metas) {
            if (!isConstantMeta(meta)) {
                return false;
            }
        }
        for (Object item : body) {
            if (!isConstantContent(item)) {
                return false;
            }
        }
        return true;
    }

    /** Whether rendering may wait: a payload of a kind that calls, awaits, sleeps, reads a file or an input, or streams. */
    static boolean mayBlock(List<Object> metas, List<Object> body) {
        for (Object item : body) {
            if (mayBlock(item)) {
                return true;
            }
        }
        for (Object meta : metas) {
            if (meta instanceof Payload.Whole whole && mayBlock(whole.content())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayBlock(Object item) {
        PayloadKind kind = PayloadKind.of(item);
        if (kind == PayloadKind.WHOLE) {
            return mayBlock(((Payload.Whole) item).content());
        }
        return kind == null
                || switch (kind) {
                    case CALL, AWAIT, SLEEP, FILE, INPUT, READER, REPLAY, DEPLETABLE, LIVE -> true;
                    default -> false;
                };
    }

    private static boolean isConstantMeta(Object meta) {
        if (meta instanceof Integer) {
            return true;
        }
        if (meta instanceof Payload.Headers headers) {
            return hasScalarValues(headers.headers());
        }
        if (meta instanceof Payload.Cookies cookies) {
            return hasScalarValues(cookies.cookies());
        }
        if (meta instanceof Payload.Whole whole) {
            return hasScalarValues(whole.headers())
                    && hasScalarValues(whole.cookies())
                    && isConstantContent(whole.content());
        }
        return false; // a plain header map is the caller's, and may change
    }

    private static boolean isConstantContent(Object item) {
        if (item == null || item instanceof byte[] || item instanceof Payload.Body || item instanceof Payload.Text) {
            return true;
        }
        if (item instanceof Payload.Json json) {
            return isScalar(json.value());
        }
        if (item instanceof Integer status) {
            return status < 100 || status > 999; // a JSON number; a status is a meta
        }
        return item instanceof String || isScalar(item);
    }

    private static boolean hasScalarValues(Map<String, Object> map) {
        for (Object value : map.values()) {
            if (!isScalar(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isScalar(Object value) {
        return value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Float
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger
                || value instanceof BigDecimal;
    }
}
