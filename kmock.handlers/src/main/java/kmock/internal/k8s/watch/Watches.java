package kmock.internal.k8s.watch;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.store.ObjectStore;

/**
 * Opens watches on a store and keeps track of the open ones, so that closing the emulator ends them all. The
 * per-watcher buffer, the bookmark period and the clock are options, so tests reach overflows, bookmarks and
 * timeouts without waiting on real time. Thread-safe.
 */
public final class Watches implements AutoCloseable {

    /** How many unread live events a watcher may hold before it is ended with a 410 ERROR. */
    public static final int DEFAULT_BUFFER = 1000;

    /** How often a watch that allows bookmarks gets one while idle. */
    public static final Duration DEFAULT_BOOKMARK_PERIOD = Duration.ofMinutes(1);

    private final ObjectStore store;
    private final int buffer;
    private final Duration bookmarkPeriod;
    private final LongSupplier ticker;
    private final Set<Watcher> open = ConcurrentHashMap.newKeySet();

    /** Watches of a store with the default buffer and bookmark period, on the system's nanosecond clock. */
    public Watches(ObjectStore store) {
        this(store, DEFAULT_BUFFER, DEFAULT_BOOKMARK_PERIOD, System::nanoTime);
    }

    /**
     * Watches with explicit options.
     *
     * @param buffer         unread live events one watcher may hold
     * @param bookmarkPeriod the interval of periodic bookmarks
     * @param ticker         a nanosecond clock such as {@code System::nanoTime}, for timeouts and bookmarks
     */
    public Watches(ObjectStore store, int buffer, Duration bookmarkPeriod, LongSupplier ticker) {
        if (buffer < 1) {
            throw new IllegalArgumentException("A watcher's buffer must hold at least one event, not " + buffer);
        }
        if (bookmarkPeriod.isZero() || bookmarkPeriod.isNegative()) {
            throw new IllegalArgumentException("The bookmark period must be positive, not " + bookmarkPeriod);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.buffer = buffer;
        this.bookmarkPeriod = bookmarkPeriod;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * Opens a watch. A resourceVersion older than the event window does not throw: the watcher yields one ERROR
     * event with a 410 {@code Status} and ends, as the API server does.
     *
     * @throws KubernetesException 400 for a resourceVersion that is not a number
     */
    public Watcher open(WatchRequest request) {
        Watcher[] self = new Watcher[1];
        Watcher watcher =
                new Watcher(request, kindOf(request), buffer, bookmarkPeriod, ticker, () -> open.remove(self[0]));
        self[0] = watcher;
        open.add(watcher);
        try {
            if (request.startsWithState()) {
                watcher.start(
                        store.subscribeWithState(watcher::deliver), Boolean.TRUE.equals(request.sendInitialEvents()));
            } else if (request.resourceVersion() == null
                    || request.resourceVersion().isEmpty()
                    || request.resourceVersion().equals("0")) {
                watcher.start(store.subscribeFromNow(watcher::deliver), false);
            } else {
                long after = ObjectStore.parseRevision(request.resourceVersion());
                watcher.start(store.subscribeAfter(after, watcher::deliver), false);
            }
        } catch (KubernetesException e) {
            if (e.code() != 410) {
                watcher.close();
                throw e;
            }
            watcher.fail(e);
        }
        return watcher;
    }

    /** How many watchers are open now. */
    public int openCount() {
        return open.size();
    }

    /** Ends every open watch, waking their consumers. */
    @Override
    public void close() {
        for (Watcher watcher : open) {
            watcher.close();
        }
    }

    private String kindOf(WatchRequest request) {
        String kind = store.settings().kinds().apply(request.resource());
        if (kind != null) {
            return kind;
        }
        String plural = request.resource().plural();
        return plural.substring(0, 1).toUpperCase(Locale.ROOT) + plural.substring(1);
    }
}
