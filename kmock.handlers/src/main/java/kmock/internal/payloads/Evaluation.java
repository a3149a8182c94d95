package kmock.internal.payloads;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import kmock.api.Request;

/**
 * Runs the lazy payloads of one request: callables are called, awaitables awaited, durations slept, exceptions
 * made ready to raise. Each returns what takes the payload's place ({@code null} when nothing does). Waits are
 * interruptible, so a closing server ends them.
 */
final class Evaluation {

    private Evaluation() {}

    /** Calls a {@code Function<Request,?>}, {@code Callable}, {@code Supplier}, {@code Consumer} or {@code Runnable}. */
    @SuppressWarnings("unchecked")
    static Object call(Object callable, Request request) throws Exception {
        if (callable instanceof Function<?, ?> function) {
            return ((Function<Request, ?>) function).apply(request);
        } else if (callable instanceof Callable<?> call) {
            return call.call();
        } else if (callable instanceof Supplier<?> supplier) {
            return supplier.get();
        } else if (callable instanceof Consumer<?> consumer) {
            ((Consumer<Request>) consumer).accept(request);
            return null;
        }
        ((Runnable) callable).run();
        return null;
    }

    /** Waits for a {@code Future}/{@code CompletionStage} (its result), a latch (nothing) or a queue (one item). */
    static Object await(Object awaitable) throws Exception {
        if (awaitable instanceof CompletionStage<?> stage) {
            // First: a minimal stage is a CompletableFuture whose get() refuses, but it converts.
            return result(stage.toCompletableFuture());
        } else if (awaitable instanceof Future<?> future) {
            return result(future);
        } else if (awaitable instanceof CountDownLatch latch) {
            latch.await();
            return null;
        }
        return ((BlockingQueue<?>) awaitable).take();
    }

    /** Sleeps, interruptibly; zero and negative durations do not sleep. */
    static void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException forever) {
            nanos = Long.MAX_VALUE;
        }
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    /** The exception to raise for a {@code Throwable} payload or an exception class (a new instance per request). */
    static Throwable raised(Object payload) throws ReflectiveOperationException {
        if (payload instanceof Throwable throwable) {
            return throwable;
        }
        Class<?> type = (Class<?>) payload;
        var constructor = Declarations.raisingConstructor(type);
        try {
            return (Throwable)
                    (constructor.getParameterCount() == 0
                            ? constructor.newInstance()
                            : constructor.newInstance("raised by a reply payload"));
        } catch (InvocationTargetException failed) {
            throw new IllegalStateException(
                    "The exception class " + type.getName() + " failed to construct", failed.getCause());
        }
    }

    private static Object result(Future<?> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }
}
