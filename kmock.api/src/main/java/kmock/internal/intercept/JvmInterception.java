package kmock.internal.intercept;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import kmock.spi.Interception;

/**
 * The opt-in JVM-wide interception: while at least one server asks for it, {@link ProxySelector#getDefault()}
 * sends HTTP requests for intercepted hosts to that server as a proxy (servers accept absolute-form targets),
 * and everything else to the selector that was there before. The previous selector is restored when the last
 * server closes, unless somebody else replaced ours meanwhile.
 */
public final class JvmInterception {

    private static final List<Interception> ACTIVE = new CopyOnWriteArrayList<>();
    private static final Object LOCK = new Object();
    private static ProxySelector previous;
    private static Selector installed;

    private JvmInterception() {
    }

    /** Starts intercepting for one server; closing the returned handle stops it. */
    public static AutoCloseable install(Interception interception) {
        synchronized (LOCK) {
            if (installed == null) {
                previous = ProxySelector.getDefault();
                installed = new Selector();
                ProxySelector.setDefault(installed);
            }
            ACTIVE.add(interception);
        }
        return () -> uninstall(interception);
    }

    private static void uninstall(Interception interception) {
        synchronized (LOCK) {
            if (!ACTIVE.remove(interception) || !ACTIVE.isEmpty()) {
                return;
            }
            if (ProxySelector.getDefault() == installed) {
                ProxySelector.setDefault(previous);
            }
            installed = null;
            previous = null;
        }
    }

    private static final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (scheme.equals("http")) {
                int port = uri.getPort() >= 0 ? uri.getPort() : 80;
                for (Interception interception : ACTIVE) {
                    if (interception.intercepts(uri.getHost(), port)) {
                        return List.of(new Proxy(Proxy.Type.HTTP, interception.target()));
                    }
                }
            }
            ProxySelector fallback = previous;
            return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            ProxySelector fallback = previous;
            if (fallback != null && !(address instanceof InetSocketAddress target && isOurs(target))) {
                fallback.connectFailed(uri, address, failure);
            }
        }

        private static boolean isOurs(InetSocketAddress address) {
            return ACTIVE.stream().anyMatch(interception -> interception.target().equals(address));
        }
    }
}
