package kmock.internal.k8s.watch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.store.StoreEvent;
import kmock.internal.k8s.store.Subscription;

/**
 * One open watch: the consumer side of a watch stream. The store delivers events into a bounded buffer without
 * ever waiting; the consumer takes them with {@link #poll(Duration)} in resourceVersion order, each once. A
 * watcher ends after its timeout, after an ERROR event (a too old resourceVersion, or a buffer overflow: a
 * consumer that stops reading loses its watch, never the writers' time), or when closed. Periodic bookmarks
 * are produced while the consumer polls, so a watcher owns no thread. Thread-safe.
 */
public final class Watcher implements AutoCloseable {

    private final WatchRequest request;
    private final String apiVersion;
    private final String kind;
    private final int capacity;
    private final long bookmarkPeriod;
    private final LongSupplier ticker;
    private final Runnable onEnd;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<WatchEvent> queue = new ArrayDeque<>();
    /** How many queued events, at the head, are the backlog (not counted against the capacity). */
    private int backlog;
    /** Every store event up to here is queued or was not for this watcher: the resourceVersion of bookmarks. */
    private long horizon;

    private boolean ended;
    private boolean closed;
    private final long deadline;
    private final boolean hasDeadline;
    private long nextBookmark;
    private Subscription subscription;

    Watcher(
            WatchRequest request,
            String kind,
            int capacity,
            Duration bookmarkPeriod,
            LongSupplier ticker,
            Runnable onEnd) {
        this.request = request;
        this.apiVersion = request.resource().apiVersion();
        this.kind = kind;
        this.capacity = capacity;
        this.bookmarkPeriod = Math.max(1, bookmarkPeriod.toNanos());
        this.ticker = ticker;
        this.onEnd = onEnd;
        long now = ticker.getAsLong();
        this.hasDeadline = request.timeout() != null;
        this.deadline = hasDeadline ? now + saturatedNanos(request.timeout()) : 0;
        this.nextBookmark = now + this.bookmarkPeriod;
    }

    /**
     * The next event, waiting up to {@code timeout} for one; {@code null} when none arrived in time or the watch
     * has ended (then {@link #isEnded()} is true).
     *
     * @throws InterruptedException when the waiting thread is interrupted (a client disconnect, for instance)
     */
    public WatchEvent poll(Duration timeout) throws InterruptedException {
        long waitUntil = System.nanoTime() + saturatedNanos(timeout);
        boolean finished = false;
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return null;
                }
                long now = ticker.getAsLong();
                if (!ended && hasDeadline && now - deadline >= 0) {
                    ended = true;
                    queue.clear();
                    backlog = 0;
                    finished = true;
                }
                if (!queue.isEmpty()) {
                    if (backlog > 0) {
                        backlog--;
                    }
                    return queue.removeFirst();
                }
                if (ended) {
                    finished = true;
                    return null;
                }
                if (request.allowBookmarks() && now - nextBookmark >= 0) {
                    nextBookmark = now + bookmarkPeriod;
                    return bookmark(horizon, false);
                }
                long left = waitUntil - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                if (hasDeadline) {
                    left = Math.min(left, deadline - now);
                }
                if (request.allowBookmarks()) {
                    left = Math.min(left, nextBookmark - now);
                }
                arrived.awaitNanos(left);
            }
        } finally {
            lock.unlock();
            if (finished) {
                release();
            }
        }
    }

    /** Whether the watch is over: closed, or ended and every queued event taken. */
    public boolean isEnded() {
        lock.lock();
        try {
            return closed || ended && queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the watch at once, dropping undelivered events and waking a waiting {@link #poll}; idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            ended = true;
            queue.clear();
            backlog = 0;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        release();
    }

    /** Starts the watch on a subscription: its backlog goes before anything delivered meanwhile. */
    void start(Subscription started, boolean initialEventsEnd) {
        boolean cancel;
        lock.lock();
        try {
            subscription = started;
            List<StoreEvent> events = started.takeBacklog();
            ArrayDeque<WatchEvent> head = new ArrayDeque<>();
            for (StoreEvent event : events) {
                WatchEvent translated = translate(event);
                if (translated != null) {
                    head.add(translated);
                }
            }
            if (initialEventsEnd) {
                head.add(bookmark(started.revision(), true));
            }
            horizon = Math.max(horizon, started.revision());
            backlog = head.size();
            queue.forEach(head::add);
            queue.clear();
            queue.addAll(head);
            cancel = ended;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (cancel) {
            release();
        }
    }

    /** Ends the watch with one ERROR event (for a watch that cannot start, such as a too old resourceVersion). */
    void fail(KubernetesException error) {
        lock.lock();
        try {
            queue.add(new WatchEvent(WatchEvent.Type.ERROR, error.toStatus(), 0));
            backlog = queue.size();
            ended = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        release();
    }

    /** Called by the store, under its lock, for every change: never blocks. */
    void deliver(StoreEvent event) {
        boolean overflowed = false;
        lock.lock();
        try {
            if (ended) {
                return;
            }
            horizon = event.revision();
            WatchEvent translated = translate(event);
            if (translated == null) {
                return;
            }
            if (queue.size() - backlog >= capacity) {
                queue.add(new WatchEvent(
                        WatchEvent.Type.ERROR,
                        new KubernetesException(
                                        KubernetesException.Reason.EXPIRED,
                                        "watch closed: more than " + capacity
                                                + " events waited unread; watch again from the last "
                                                + "resourceVersion received, or list again")
                                .toStatus(),
                        0));
                ended = true;
                overflowed = true;
            } else {
                queue.add(translated);
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (overflowed) {
            release();
        }
    }

    /** The event this watcher shows for a store change, or {@code null} when the change is not its business. */
    private WatchEvent translate(StoreEvent event) {
        if (event.object() == null
                || !event.key().resource().equals(request.resource())
                || request.namespace() != null
                        && !request.namespace().equals(event.key().namespace())
                || request.name() != null && !request.name().equals(event.key().name())) {
            return null;
        }
        boolean now = request.filter().test(event.object());
        WatchEvent.Type type;
        switch (event.type()) {
            case ADDED:
                type = now ? WatchEvent.Type.ADDED : null;
                break;
            case DELETED:
                type = now ? WatchEvent.Type.DELETED : null;
                break;
            default:
                boolean before = event.previous() != null && request.filter().test(event.previous());
                type = now
                        ? (before ? WatchEvent.Type.MODIFIED : WatchEvent.Type.ADDED)
                        : (before ? WatchEvent.Type.DELETED : null);
                break;
        }
        return type == null ? null : new WatchEvent(type, event.object(), event.revision());
    }

    private WatchEvent bookmark(long revision, boolean initialEventsEnd) {
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("resourceVersion", Long.toString(revision));
        if (initialEventsEnd) {
            metadata.put("annotations", Map.of("k8s.io/initial-events-end", "true"));
        }
        Map<String, Object> object = new java.util.LinkedHashMap<>();
        object.put("kind", kind);
        object.put("apiVersion", apiVersion);
        object.put("metadata", metadata);
        return new WatchEvent(WatchEvent.Type.BOOKMARK, java.util.Collections.unmodifiableMap(object), revision);
    }

    /** Stops deliveries and forgets this watcher; safe to call more than once and from any thread. */
    private void release() {
        Subscription current;
        lock.lock();
        try {
            current = subscription;
        } finally {
            lock.unlock();
        }
        if (current != null) {
            current.close();
        }
        onEnd.run();
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return Math.max(0, duration.toNanos());
        } catch (ArithmeticException e) {
            return TimeUnit.DAYS.toNanos(365 * 100);
        }
    }
}
