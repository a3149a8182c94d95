package kmock.it.kubernetes;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

/** fabric8 with its JDK HTTP client, against the JDK transport. */
class Fabric8OnJdkTest extends Fabric8Contract {

    @Override
    String transport() {
        return "jdk";
    }

    @Override
    HttpClient.Factory httpClientFactory() {
        return new JdkHttpClientFactory();
    }
}
