package kmock.bench.contender;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

import kmock.bench.protocol.Contender;
import kmock.bench.protocol.ContenderMain;

/** WireMock with its defaults (request journal on), one stub per rule. */
public final class Main implements Contender {

    public static void main(String[] args) {
        ContenderMain.run(new Main(), args);
    }

    @Override
    public Running start(int rules) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(0));
        server.start();
        server.stubFor(get(urlEqualTo("/stub")).willReturn(ok("ok")));
        for (int i = 0; i < rules; i++) {
            server.stubFor(get(urlEqualTo("/r" + i)).willReturn(ok("ok")));
        }
        return new Running() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }
}
