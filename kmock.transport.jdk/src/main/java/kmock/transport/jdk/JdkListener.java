package kmock.transport.jdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import kmock.api.Handler;
import kmock.internal.http.ServingThreads;
import kmock.spi.Transport;

/**
 * A running {@link HttpServer} that serves every request on its own thread, so a blocked stream never stalls the
 * others, and that ends every open exchange when closed.
 */
final class JdkListener implements Transport.Listener {

    private final HttpServer server;
    private final ExecutorService executor;
    private final ServingThreads serving = new ServingThreads();
    private final Set<HttpExchange> open = ConcurrentHashMap.newKeySet();

    private JdkListener(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static JdkListener start(Transport.ServerConfig config, Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        AtomicInteger count = new AtomicInteger();
        String prefix = "kmock-jdk-" + server.getAddress().getPort() + "-";
        // Unbounded threads on demand: each open stream holds one, and hundreds of streams must not starve requests.
        ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        JdkListener listener = new JdkListener(server, executor);
        server.setExecutor(executor);
        server.createContext("/", exchange -> listener.serve(exchange, handler, config.maxBodySize()));
        server.start();
        return listener;
    }

    private void serve(HttpExchange exchange, Handler handler, long maxBodySize) {
        if (!serving.enter()) {
            exchange.close();
            return;
        }
        open.add(exchange);
        try {
            new JdkExchange(exchange, maxBodySize).serve(handler);
        } finally {
            open.remove(exchange);
            serving.exit();
        }
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        serving.interruptAndAwait(Duration.ofMillis(500));
        open.forEach(HttpExchange::close);
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
