package kmock.it.kubernetes;

import java.util.ServiceLoader;

import io.fabric8.kubernetes.client.http.HttpClient;

import kmock.it.transport.BothTransports;

/**
 * fabric8 with its default Vert.x HTTP client (the one most users have: Vert.x 4 on fabric8 7, Vert.x 5 on fabric8
 * 8), on both transports.
 */
@BothTransports
class Fabric8VertxTest extends Fabric8Test {

    Fabric8VertxTest(String transport) {
        super(transport);
    }

    @Override
    HttpClient.Factory httpClientFactory() {
        return ServiceLoader.load(HttpClient.Factory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(factory -> factory.getClass().getName().contains(".vertx"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Vert.x HTTP client for fabric8 on the class path"));
    }
}
