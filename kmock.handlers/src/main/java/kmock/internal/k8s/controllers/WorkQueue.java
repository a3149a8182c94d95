package kmock.internal.k8s.controllers;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The controllers' work: a first-in, first-out set of work items (an item already waiting is not added twice, as in
 * client-go's work queue) and timers that make items due at an instant of the emulator's clock. Adding never blocks,
 * so the store's subscriber may add under the store's lock. Thread-safe.
 */
final class WorkQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LinkedHashSet<Work> ready = new LinkedHashSet<>();
    private final TreeMap<Instant, LinkedHashSet<Work>> timers = new TreeMap<>();
    private long version;
    private boolean closed;

    /** Adds an item to do now. */
    void add(Work work) {
        lock.lock();
        try {
            if (ready.add(work)) {
                signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Adds an item to do once the clock reaches an instant. */
    void addAt(Instant due, Work work) {
        lock.lock();
        try {
            if (timers.computeIfAbsent(due, k -> new LinkedHashSet<>()).add(work)) {
                signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The first item due at this instant (timers that came due move behind the waiting items), or {@code null}. */
    Work poll(Instant now) {
        lock.lock();
        try {
            while (!timers.isEmpty() && !timers.firstKey().isAfter(now)) {
                ready.addAll(timers.pollFirstEntry().getValue());
            }
            Iterator<Work> first = ready.iterator();
            if (!first.hasNext()) {
                return null;
            }
            Work work = first.next();
            first.remove();
            return work;
        } finally {
            lock.unlock();
        }
    }

    /** The instant of the earliest timer, or {@code null} when none is set. */
    Instant nextTimer() {
        lock.lock();
        try {
            return timers.isEmpty() ? null : timers.firstKey();
        } finally {
            lock.unlock();
        }
    }

    /** A number that changes with every addition; see {@link #await}. */
    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until something is added after {@code seen} was read, the queue is closed, or the time is up.
     *
     * @return {@code false} once closed
     */
    boolean await(long seen, Duration max) throws InterruptedException {
        lock.lock();
        try {
            long nanos = max.toNanos();
            while (!closed && version == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the waiting worker, as after the clock moved. */
    void wake() {
        lock.lock();
        try {
            signal();
        } finally {
            lock.unlock();
        }
    }

    /** Ends every wait; later additions are kept but nobody waits for them. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many items wait now and at timers, for messages. */
    String describe() {
        lock.lock();
        try {
            int timed = 0;
            for (Map.Entry<Instant, LinkedHashSet<Work>> entry : timers.entrySet()) {
                timed += entry.getValue().size();
            }
            return ready.size() + " waiting, " + timed + " at timers";
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        version++;
        changed.signalAll();
    }
}
