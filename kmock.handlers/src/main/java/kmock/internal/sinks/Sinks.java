package kmock.internal.sinks;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import kmock.api.Request;

/**
 * The side effects of one reaction: each matched request is delivered to every sink, in declaration order.
 * Sinks never alter the response. Thread-safe: concurrent requests deliver to a plain collection, map or
 * stream one at a time (each sink is locked while it receives).
 */
public final class Sinks {

    private final List<Sink> sinks = new CopyOnWriteArrayList<>();

    /** One declared sink, ready to receive requests. */
    @FunctionalInterface
    private interface Sink {
        void deliver(Request request) throws Exception;
    }

    /**
     * Adds sinks: {@code Collection}, {@code Map}, {@code BlockingQueue}, {@code CompletableFuture},
     * {@code CountDownLatch}, {@code Consumer<Request>}, {@code Function<Request,?>}, {@code Runnable},
     * {@code Callable}, {@code Supplier}, {@code OutputStream}, {@code Writer}, {@code Path}.
     *
     * @throws IllegalArgumentException for a sink of no supported kind, naming the kinds; then none is added
     */
    public void add(Object... items) {
        List<Sink> added = new ArrayList<>();
        for (Object item : items == null ? new Object[1] : items) {
            added.add(sink(item));
        }
        sinks.addAll(added);
    }

    /** Whether there are no sinks. */
    public boolean isEmpty() {
        return sinks.isEmpty();
    }

    /** Delivers one request to every sink; the first failure propagates after all sinks ran, others suppressed. */
    public void accept(Request request) throws Exception {
        Exception failure = null;
        for (Sink sink : sinks) {
            try {
                sink.deliver(request);
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else if (failure != e) {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @SuppressWarnings("unchecked")
    private static Sink sink(Object item) {
        if (item instanceof BlockingQueue<?> queue) {
            return request -> ((BlockingQueue<Object>) queue).put(request);
        } else if (item instanceof Collection<?> collection) {
            return request -> {
                synchronized (collection) {
                    ((Collection<Object>) collection).add(request);
                }
            };
        } else if (item instanceof Map<?, ?> map) {
            return request -> record((Map<Object, Object>) map, request);
        } else if (item instanceof CompletableFuture<?> future) {
            return request -> ((CompletableFuture<Object>) future).complete(request);
        } else if (item instanceof CountDownLatch latch) {
            return request -> latch.countDown();
        } else if (item instanceof OutputStream stream) {
            return request -> {
                synchronized (stream) {
                    stream.write(request.body());
                    stream.flush();
                }
            };
        } else if (item instanceof Writer writer) {
            return request -> {
                synchronized (writer) {
                    writer.write(request.text());
                    writer.flush();
                }
            };
        } else if (item instanceof Path path) {
            return request -> {
                synchronized (path) {
                    Files.write(path, request.body());
                }
            };
        }
        return callable(item);
    }

    @SuppressWarnings("unchecked")
    private static Sink callable(Object item) {
        if (item instanceof Consumer<?> consumer) {
            return request -> ((Consumer<Request>) consumer).accept(request);
        } else if (item instanceof Function<?, ?> function) {
            return request -> ((Function<Request, ?>) function).apply(request);
        } else if (item instanceof Runnable runnable) {
            return request -> runnable.run();
        } else if (item instanceof Callable<?> callable) {
            return request -> callable.call();
        } else if (item instanceof Supplier<?> supplier) {
            return request -> supplier.get();
        }
        throw new IllegalArgumentException("Unsupported sink " + quote(item)
                + (item == null ? "" : " of type " + item.getClass().getName())
                + ". A sink receives every matched request: a Collection (gets the "
                + "Request), a Map (request to its parsed body), a BlockingQueue (put), a CompletableFuture (completed "
                + "with the request), a CountDownLatch (counted down), a Consumer<Request>, Function<Request,?>, "
                + "Runnable, Callable or Supplier (called, result ignored), an OutputStream or Writer (the raw body "
                + "appended) or a Path (overwritten with the body). Use reply(..) for what to answer.");
    }

    /** Request to parsed body: JSON when it parses, else the bytes, else {@code null} for an empty body. */
    private static void record(Map<Object, Object> map, Request request) {
        Object data = request.data();
        byte[] body = request.body();
        Object value = data != null ? data : body.length > 0 ? body : null;
        synchronized (map) {
            try {
                map.put(request, value);
            } catch (NullPointerException refused) {
                throw new IllegalArgumentException(
                        "The Map sink " + map.getClass().getName() + " refuses null values, "
                                + "and " + request
                                + " has an empty body (recorded as null). Use a map that accepts nulls, "
                                + "e.g. Collections.synchronizedMap(new LinkedHashMap<>()).",
                        refused);
            }
        }
    }

    private static String quote(Object item) {
        String text = String.valueOf(item);
        return "'" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "'";
    }
}
