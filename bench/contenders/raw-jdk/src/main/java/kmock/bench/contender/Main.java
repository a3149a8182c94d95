package kmock.bench.contender;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import kmock.bench.protocol.Contender;
import kmock.bench.protocol.ContenderMain;

/** The JDK's HttpServer alone, with TCP_NODELAY and a cached thread pool as KMock's JDK transport has. */
public final class Main implements Contender {

    private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ContenderMain.run(new Main(), args);
    }

    @Override
    public Running start(int rules) throws IOException {
        Set<String> paths = Contender.paths(rules);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        ExecutorService pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            boolean known = paths.contains(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? OK.length : -1);
            if (known) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(OK);
                }
            }
            exchange.close();
        });
        return started(server, pool);
    }

    @Override
    public Running bytes(byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        ExecutorService pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            exchange.close();
        });
        return started(server, pool);
    }

    private static Running started(HttpServer server, ExecutorService pool) {
        server.start();
        return new Running() {
            @Override
            public int port() {
                return server.getAddress().getPort();
            }

            @Override
            public void close() {
                server.stop(0);
                pool.shutdownNow();
            }
        };
    }
}
