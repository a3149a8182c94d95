package kmock.it.kubernetes;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;

/** fabric8 with its default Vert.x HTTP client (the one most users have), against the JDK transport. */
class Fabric8VertxTest extends Fabric8Contract {

    @Override
    String transport() {
        return "jdk";
    }

    @Override
    HttpClient.Factory httpClientFactory() {
        return new VertxHttpClientFactory();
    }
}
