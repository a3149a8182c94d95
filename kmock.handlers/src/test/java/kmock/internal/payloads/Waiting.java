package kmock.internal.payloads;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline: the tests' only way to wait for something asynchronous. */
public final class Waiting {

    /** How long any single wait in these tests may take before it fails. */
    public static final Duration DEADLINE = Duration.ofSeconds(20);

    private Waiting() {}

    /** Returns once the condition holds. @throws AssertionError at the deadline */
    public static void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
