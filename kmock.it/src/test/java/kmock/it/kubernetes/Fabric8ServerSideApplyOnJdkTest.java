package kmock.it.kubernetes;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

/** fabric8's server-side apply with its JDK HTTP client, against the Jdk transport. */
class Fabric8ServerSideApplyOnJdkTest extends Fabric8ServerSideApplyContract {

    @Override
    String transport() {
        return "jdk";
    }

    @Override
    HttpClient.Factory httpClientFactory() {
        return new JdkHttpClientFactory();
    }
}
