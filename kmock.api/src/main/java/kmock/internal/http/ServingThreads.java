package kmock.internal.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of a transport's server that are inside the handler right now, so that closing the server can
 * interrupt them and let them end their responses properly (a final chunk) before connections are cut: some
 * clients, the JDK's among them, never report a chunked body cut off by a bare socket close.
 */
public final class ServingThreads {

    private final Set<Thread> busy = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /** Marks the current thread as serving; {@code false} when the server is closing and the call must not start. */
    public boolean enter() {
        busy.add(Thread.currentThread());
        if (closing) {
            exit();
            return false;
        }
        return true;
    }

    /** Marks the current thread as done, and clears an interrupt meant for its request, not its next task. */
    public void exit() {
        busy.remove(Thread.currentThread());
        Thread.interrupted();
    }

    /** How many threads are serving now. */
    public int size() {
        return busy.size();
    }

    /** Refuses new calls, interrupts every serving thread and waits until they are done or the grace period passed. */
    public void interruptAndAwait(Duration grace) {
        closing = true;
        busy.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!busy.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }
}
