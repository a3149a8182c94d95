package kmock.it.intercept;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import okhttp3.OkHttpClient;

/**
 * GET requests as an application's code makes them, with clients built on their defaults: nothing here knows
 * about KMock. Each returns the status and the body as {@code "200 text"}.
 */
final class AppClients {

    private AppClients() {}

    static String javaHttp(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    static String urlConnection(String url) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            return connection.getResponseCode() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    static String okhttp(OkHttpClient client, String url) throws IOException {
        try (okhttp3.Response response =
                client.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    static String apache(CloseableHttpClient client, String url) throws IOException {
        return client.execute(
                new HttpGet(url), response -> response.getCode() + " " + EntityUtils.toString(response.getEntity()));
    }
}
