package kmock.it.transport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits on a condition with a deadline; the suite's only way to wait for something asynchronous. */
public final class Deadline {

    private Deadline() {}

    /** Polls the condition every 2 ms until it holds; fails naming what was awaited at the deadline. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    /** Names of live threads started by KMock. */
    public static java.util.List<String> kmockThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("kmock-") && !name.startsWith("kmock-it"))
                .sorted()
                .toList();
    }
}
