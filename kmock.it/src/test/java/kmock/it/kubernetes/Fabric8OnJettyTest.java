package kmock.it.kubernetes;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

/** fabric8 with its JDK HTTP client, against the Jetty transport. */
class Fabric8OnJettyTest extends Fabric8Contract {

    @Override
    String transport() {
        return "jetty";
    }

    @Override
    HttpClient.Factory httpClientFactory() {
        return new JdkHttpClientFactory();
    }
}
