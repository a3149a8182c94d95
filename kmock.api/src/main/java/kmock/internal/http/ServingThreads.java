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
    /** The thread waiting in {@link #interruptAndAwait}, woken by each exit so that a close never waits longer than the work. */
    private volatile Thread closer;

    /** Marks the current thread as serving; {@code false} when the server is closing and the call must not start. */
    public boolean enter() {
        busy.add(Thread.currentThread());
        if (closing) {
            exit();
            return false;
        }
        return true;
    }

    /** Whether the server is closing: no new call may start. */
    public boolean isClosing() {
        return closing;
    }

    /** Marks the current thread as done, and clears an interrupt meant for its request, not its next task. */
    public void exit() {
        busy.remove(Thread.currentThread());
        Thread.interrupted();
        Thread waiting = closer;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /** How many threads are serving now. */
    public int size() {
        return busy.size();
    }

    /** Refuses new calls, interrupts every serving thread and waits until they are done or the grace period passed. */
    public void interruptAndAwait(Duration grace) {
        closer = Thread.currentThread();
        closing = true;
        busy.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + grace.toNanos();
        // Woken by every exit(), so a close waits no longer than the calls take; the 2 ms bound is only a safety net.
        for (long left; !busy.isEmpty() && (left = deadline - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(this, Math.min(left, Duration.ofMillis(2).toNanos()));
        }
        closer = null;
    }
}
