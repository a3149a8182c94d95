package kmock.internal.intercept;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import kmock.api.Interception;

/**
 * The opt-in JVM-wide interception. While something holds it, {@link ProxySelector#getDefault()} is KMock's
 * selector, which sends {@code http} and {@code https} requests for the hosts of running servers to those servers
 * as an HTTP proxy (absolute-form targets and {@code CONNECT} tunnels, TLS terminated with certificates of the
 * KMock CA), and everything else to the selector that was the default before; and the default SSL contexts trust
 * the KMock CA in addition to the JDK's anchors ({@link JvmTrust}), while a server needs it.
 *
 * <p>The selector and the trust manager are singletons that decide per request: a client that captured them
 * (java.net.http and OkHttp copy the defaults when they are built) is intercepted whenever a server runs, and
 * reaches the network unchanged when none does. That is why the JUnit extension installs them as early as it
 * can, and why {@link #pinSelector()} keeps the selector for the JVM's life. Holders are counted: the last
 * release restores the previous defaults, unless somebody replaced ours meanwhile.
 */
public final class JvmInterception {

    private static final List<Interception> ACTIVE = new CopyOnWriteArrayList<>();
    private static final Object LOCK = new Object();
    private static final Selector SELECTOR = new Selector();
    private static volatile ProxySelector previous;
    private static int holds;
    private static boolean pinned;

    private JvmInterception() {}

    /**
     * Makes KMock's selector the JVM's default for good (a pass-through while no server intercepts), so that
     * clients built from now on can be intercepted later. The JUnit extension calls it when it loads.
     */
    public static void pinSelector() {
        synchronized (LOCK) {
            pinned = true;
            installSelector();
        }
    }

    /**
     * Installs the selector and the JVM-wide trust until the returned handle closes, before any server runs: the
     * extension holds it for a test class that intercepts, so clients built in its initialisers are covered.
     */
    public static AutoCloseable prepare() {
        synchronized (LOCK) {
            hold();
        }
        return once(JvmInterception::release);
    }

    /** Starts intercepting one server's hosts JVM-wide; closing the returned handle stops it. */
    public static AutoCloseable install(Interception interception) {
        synchronized (LOCK) {
            hold();
            ACTIVE.add(interception);
        }
        return once(() -> {
            synchronized (LOCK) {
                ACTIVE.remove(interception);
            }
            release();
        });
    }

    /** Whether a server intercepts JVM-wide now, and so the KMock CA is trusted JVM-wide. */
    static boolean trusting() {
        return !ACTIVE.isEmpty();
    }

    /** KMock's selector, the JVM's default while interception is held. */
    public static ProxySelector selector() {
        return SELECTOR;
    }

    private static void hold() {
        if (holds++ == 0) {
            installSelector();
            JvmTrust.install();
        }
    }

    private static void release() {
        synchronized (LOCK) {
            if (--holds > 0) {
                return;
            }
            JvmTrust.uninstall();
            if (!pinned && ProxySelector.getDefault() == SELECTOR) {
                ProxySelector.setDefault(previous);
                previous = null;
            }
        }
    }

    private static void installSelector() {
        ProxySelector current = ProxySelector.getDefault();
        if (current != SELECTOR) {
            previous = current;
            ProxySelector.setDefault(SELECTOR);
        }
    }

    private static AutoCloseable once(Runnable action) {
        return new AutoCloseable() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                }
                action.run();
            }
        };
    }

    private static final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http");
            if (http || scheme.equals("https")) {
                int port = uri.getPort() >= 0 ? uri.getPort() : http ? 80 : 443;
                for (Interception interception : ACTIVE) {
                    if (interception.intercepts(uri.getHost(), port)) {
                        return List.of(new Proxy(Proxy.Type.HTTP, interception.target()));
                    }
                }
            }
            ProxySelector fallback = previous;
            return fallback == null || fallback == this ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            ProxySelector fallback = previous;
            if (fallback != null
                    && fallback != this
                    && !(address instanceof InetSocketAddress target && isOurs(target))) {
                fallback.connectFailed(uri, address, failure);
            }
        }

        private static boolean isOurs(InetSocketAddress address) {
            return ACTIVE.stream()
                    .anyMatch(interception -> interception.target().equals(address));
        }
    }
}
