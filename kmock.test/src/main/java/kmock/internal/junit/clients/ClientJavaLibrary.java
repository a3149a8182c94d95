package kmock.internal.junit.clients;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;

import io.kubernetes.client.openapi.ApiClient;

/**
 * The official client-java: an {@link ApiClient} pointed at the test's server (no read timeout, so watches and
 * informers stay open as long as the test needs), and any API class of {@code io.kubernetes.client.openapi.apis}
 * ({@code CoreV1Api}, {@code AppsV1Api}, …) built on it.
 */
final class ClientJavaLibrary implements ClientLibrary {

    private static final String APIS = "io.kubernetes.client.openapi.apis";

    private ApiClient client;

    @Override
    public boolean supports(Class<?> type) {
        return type == ApiClient.class || type.getPackageName().equals(APIS) && apiConstructor(type) != null;
    }

    @Override
    public synchronized Object client(Class<?> type, URI server) {
        if (client == null) {
            String url = server.toString();
            client = new ApiClient().setBasePath(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            client.setReadTimeout(0);
        }
        if (type == ApiClient.class) {
            return client;
        }
        try {
            return apiConstructor(type).newInstance(client);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "Cannot make a " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getSimpleName() + ": " + e, e);
        }
    }

    private static Constructor<?> apiConstructor(Class<?> type) {
        try {
            return type.getConstructor(ApiClient.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            // OkHttp's threads and pooled connections would otherwise outlive the test by a minute.
            client.getHttpClient().dispatcher().executorService().shutdownNow();
            client.getHttpClient().connectionPool().evictAll();
            client = null;
        }
    }
}
