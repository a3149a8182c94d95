package kmock.internal.payloads;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.BaseStream;

import kmock.api.Payload;
import kmock.internal.streams.DepletableSource;
import kmock.internal.streams.ReplayableStream;

/**
 * What a reply value means, read from its type alone (API.md 4.3 and 4.4). The order of the checks settles
 * types that are several things at once: a {@code Path} is iterable, a {@code BlockingQueue} is a collection, a
 * {@code FutureTask} is runnable; each is read as the more specific thing.
 */
enum PayloadKind {
    /** {@code null}: sends nothing. */
    NOTHING,
    /** An {@code Integer} 100 to 999. */
    STATUS,
    /** A value sent as JSON: strings, numbers, booleans, lists, non-header maps, {@code Payload.json}. */
    JSON,
    /** Raw bytes: {@code byte[]}, {@code Payload.body}. */
    RAW,
    /** UTF-8 text: {@code Payload.text}. */
    TEXT,
    /** Response headers: a header-looking map, {@code Payload.headers}. */
    HEADERS,
    /** {@code Payload.cookies}. */
    COOKIES,
    /** {@code Payload.response}: status, reason, headers, cookies and content at once. */
    WHOLE,
    /** A replayable stream: {@code Payload.stream(..)}. */
    REPLAY,
    /** A depletable stream: an {@code Iterator}, a non-list {@code Iterable}, a {@code java.util.stream} stream. */
    DEPLETABLE,
    /** {@code Payload.LIVE}, a feeding point. */
    LIVE,
    /** A {@code Path}: the file, read on every request. */
    FILE,
    /** An {@code InputStream}, consumed across requests. */
    INPUT,
    /** A {@code Reader}, consumed across requests. */
    READER,
    /** A callable run per request: {@code Function<Request,?>}, {@code Callable}, {@code Supplier}, {@code Consumer}, {@code Runnable}. */
    CALL,
    /** Something awaited per request: {@code Future}, {@code CompletionStage}, {@code CountDownLatch}, {@code BlockingQueue}. */
    AWAIT,
    /** A {@code Duration} slept. */
    SLEEP,
    /** A {@code Throwable} or an exception class, raised on the server. */
    RAISE;

    /** The kind of a value, or {@code null} when it is no payload at all. */
    static PayloadKind of(Object value) {
        if (value == null) {
            return NOTHING;
        }
        if (value instanceof Payload payload) {
            return ofPayload(payload);
        }
        if (value instanceof ReplayableStream) {
            return REPLAY;
        }
        if (value instanceof DepletableSource) {
            return DEPLETABLE;
        }
        if (value instanceof Integer status) {
            return status >= 100 && status <= 999 ? STATUS : JSON;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof List) {
            return JSON;
        }
        if (value instanceof Map<?, ?> map) {
            return HeaderNames.isHeaderMap(map) ? HEADERS : JSON;
        }
        if (value instanceof byte[]) {
            return RAW;
        }
        return ofObject(value);
    }

    private static PayloadKind ofPayload(Payload payload) {
        if (payload instanceof Payload.Json) {
            return JSON;
        } else if (payload instanceof Payload.Body) {
            return RAW;
        } else if (payload instanceof Payload.Text) {
            return TEXT;
        } else if (payload instanceof Payload.Headers) {
            return HEADERS;
        } else if (payload instanceof Payload.Cookies) {
            return COOKIES;
        } else if (payload instanceof Payload.Whole) {
            return WHOLE;
        } else if (payload instanceof Payload.Sequence) {
            return REPLAY;
        }
        return LIVE;
    }

    private static PayloadKind ofObject(Object value) {
        if (value instanceof Path) {
            return FILE;
        }
        if (value instanceof InputStream) {
            return INPUT;
        }
        if (value instanceof Reader) {
            return READER;
        }
        if (value instanceof Duration) {
            return SLEEP;
        }
        if (value instanceof Throwable || value instanceof Class<?> type && Throwable.class.isAssignableFrom(type)) {
            return RAISE;
        }
        if (value instanceof Future
                || value instanceof CompletionStage
                || value instanceof CountDownLatch
                || value instanceof BlockingQueue) {
            return AWAIT;
        }
        if (value instanceof Function
                || value instanceof Callable
                || value instanceof Supplier
                || value instanceof Consumer
                || value instanceof Runnable) {
            return CALL;
        }
        if (value instanceof Iterator || value instanceof Iterable || value instanceof BaseStream) {
            return DEPLETABLE;
        }
        return null;
    }
}
