package kmock.it.kubernetes;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

/** fabric8's server-side apply with its JDK HTTP client, against the Jetty transport. */
class Fabric8ServerSideApplyOnJettyTest extends Fabric8ServerSideApplyContract {

    @Override
    String transport() {
        return "jetty";
    }

    @Override
    HttpClient.Factory httpClientFactory() {
        return new JdkHttpClientFactory();
    }
}
