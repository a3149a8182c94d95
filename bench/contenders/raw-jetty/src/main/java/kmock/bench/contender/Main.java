package kmock.bench.contender;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import kmock.bench.protocol.Contender;
import kmock.bench.protocol.ContenderMain;

/** Jetty 12 core alone: one connector and a handler that looks the path up, no servlets. */
public final class Main implements Contender {

    private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) {
        ContenderMain.run(new Main(), args);
    }

    @Override
    public Running bytes(byte[] body) throws Exception {
        return started(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "application/json");
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
    }

    @Override
    public Running start(int rules) throws Exception {
        Set<String> paths = Contender.paths(rules);
        return started(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!paths.contains(Request.getPathInContext(request))) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "text/plain");
                response.write(true, ByteBuffer.wrap(OK), callback);
                return true;
            }
        });
    }

    private static Running started(Handler handler) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        return new Running() {
            @Override
            public int port() {
                return connector.getLocalPort();
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
    }
}
