package kmock.it.kubernetes;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import kmock.it.transport.Deadline;

/** Waits for a condition with a deadline: the tests' only way to synchronise with asynchronous clients. */
final class Await {

    private Await() {}

    /** Waits until the condition holds; fails with the message at the deadline. */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        Deadline.await(what, timeout, condition);
    }

    /** The same with a 30 s deadline. */
    static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(30), condition);
    }
}
