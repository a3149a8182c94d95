package kmock.internal.payloads;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.BaseStream;

import kmock.api.Payload;
import kmock.internal.streams.DepletableSource;
import kmock.internal.streams.ReplayableStream;

/**
 * Checks reply values when they are declared and converts them to the forms the renderer walks: a
 * {@code Payload.stream(..)} becomes a {@link ReplayableStream} of converted items, an iterator, non-list iterable
 * or {@code java.util.stream} stream becomes one shared {@link DepletableSource}. A value of no supported kind
 * fails here, at declaration, with a message that says how to wrap it.
 *
 * <p>Values that callables return at request time go through the same conversion, so a callable that returns a
 * new iterator each time streams it afresh, and one that returns the same iterator depletes it (the original's
 * generators). An iterable returned by a callable is iterated afresh each time; a {@code java.util.stream} stream
 * returned again, being consumed already, is spent.
 */
public final class Declarations {

    private static final int QUOTE_LIMIT = 100;

    private Declarations() {}

    /**
     * One payload, checked and converted.
     *
     * @throws IllegalArgumentException for a value of no supported kind, or an exception class that cannot be made
     */
    public static Object payload(Object value) {
        PayloadKind kind = PayloadKind.of(value);
        if (kind == null) {
            throw unsupported(value);
        }
        switch (kind) {
            case REPLAY:
                return value instanceof Payload.Sequence sequence ? stream(sequence.items()) : value;
            case DEPLETABLE:
                return source(value);
            case WHOLE:
                return whole((Payload.Whole) value);
            case RAISE:
                if (value instanceof Class<?> type) {
                    requireRaisable(type);
                }
                return value;
            default:
                return value;
        }
    }

    /** Items fed to live streams, as one replayable batch. @throws IllegalArgumentException for a bad item */
    public static ReplayableStream batch(Object... items) {
        return stream(items == null ? Collections.singletonList(null) : Arrays.asList(items));
    }

    private static ReplayableStream stream(List<?> items) {
        List<Object> converted = new ArrayList<>(items.size());
        for (Object item : items) {
            converted.add(payload(item));
        }
        return ReplayableStream.of(converted);
    }

    private static Object source(Object value) {
        if (value instanceof DepletableSource) {
            return value;
        }
        if (value instanceof Iterator<?> iterator) {
            return DepletableSource.of(iterator);
        }
        if (value instanceof BaseStream<?, ?> stream) {
            try {
                return DepletableSource.of(stream.iterator());
            } catch (IllegalStateException consumed) {
                // The same stream object again (from a callable): it was consumed before, so it is spent.
                return DepletableSource.of(Collections.emptyIterator());
            }
        }
        return DepletableSource.of(((Iterable<?>) value).iterator());
    }

    private static Payload.Whole whole(Payload.Whole whole) {
        Object content = whole.content();
        Object converted;
        if (content == null || content instanceof byte[]) {
            converted = content;
        } else if (content instanceof Payload) {
            converted = payload(content);
        } else {
            converted = Payload.json(content); // as documented on Payload.response: anything but bytes is JSON
        }
        return new Payload.Whole(whole.status(), whole.reason(), whole.headers(), whole.cookies(), converted);
    }

    private static void requireRaisable(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers())
                || !Modifier.isPublic(type.getModifiers())
                || (raisingConstructor(type) == null)) {
            throw new IllegalArgumentException("Cannot raise the exception class " + type.getName() + " as a reply "
                    + "payload: it needs to be a public, concrete class with a public no-argument or String constructor. "
                    + "Pass an exception instance instead, e.g. reply(new " + type.getSimpleName() + "(\"...\")).");
        }
    }

    /** The constructor to raise an exception class with: no arguments, else one {@code String}; or {@code null}. */
    static Constructor<?> raisingConstructor(Class<?> type) {
        for (Class<?>[] parameters : List.<Class<?>[]>of(new Class<?>[0], new Class<?>[] {String.class})) {
            try {
                Constructor<?> constructor = type.getConstructor(parameters);
                if (Modifier.isPublic(constructor.getModifiers())) {
                    return constructor;
                }
            } catch (NoSuchMethodException absent) {
                // try the next shape
            }
        }
        return null;
    }

    /** The failure for a value of no supported kind, quoting it and saying how to wrap it. */
    static IllegalArgumentException unsupported(Object value) {
        String hint = value instanceof Class<?>
                ? " A class is a payload only when it is an exception class to raise."
                : " To send it as JSON (any Jackson-serialisable object), wrap it: Payload.json(value);"
                        + " as text: Payload.text(string); as raw bytes: Payload.body(bytes).";
        return new IllegalArgumentException("Unsupported reply payload " + quote(value) + " of type "
                + value.getClass().getName() + "." + hint + " Plain payloads are: a status (Integer 100-999), byte[], "
                + "String, Number, Boolean, Map (response headers when every key is a header name), List, Path, "
                + "InputStream, Reader, Function<Request,?>, Supplier, Callable, Consumer<Request>, Runnable, Future, "
                + "CompletionStage, CountDownLatch, BlockingQueue, Duration, Throwable, an exception class, Iterator, "
                + "Iterable, Stream, and the Payload.* values.");
    }

    /** A value as text for messages: quoted and shortened; never fails. */
    static String quote(Object value) {
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException broken) {
            text = value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value));
        }
        return "'" + (text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text) + "'";
    }
}
