package kmock.bench.contender;

import java.net.InetAddress;
import java.util.Set;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

import kmock.bench.protocol.Contender;
import kmock.bench.protocol.ContenderMain;

/** OkHttp's MockWebServer 5 with a dispatcher that looks the path up (it has no rules of its own). */
public final class Main implements Contender {

    public static void main(String[] args) {
        ContenderMain.run(new Main(), args);
    }

    @Override
    public Running start(int rules) throws Exception {
        Set<String> paths = Contender.paths(rules);
        MockResponse ok = new MockResponse(200, Headers.of("Content-Type", "text/plain"), "ok");
        MockResponse missing = new MockResponse(404, Headers.of(), "");
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return paths.contains(request.getUrl().encodedPath()) ? ok : missing;
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return new Running() {
            @Override
            public int port() {
                return server.getPort();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
