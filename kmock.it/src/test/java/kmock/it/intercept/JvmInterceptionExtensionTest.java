package kmock.it.intercept;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import okhttp3.OkHttpClient;

import kmock.api.Payload;
import kmock.handlers.RawHandler;
import kmock.test.KMock;
import kmock.test.KMockTest;

/**
 * With the extension, clients that the application built before any server started (in a field initialiser or
 * in {@code @BeforeAll}) are intercepted too, for {@code http} and {@code https}.
 */
@KMockTest
@KMock(handler = RawHandler.class, hostnames = "api.example.test", interceptJvm = true)
class JvmInterceptionExtensionTest {

    private static HttpClient builtInBeforeAll;

    private final HttpClient builtInAFieldInitialiser = HttpClient.newHttpClient();
    private final OkHttpClient okHttpBuiltInAFieldInitialiser = new OkHttpClient();

    @BeforeAll
    static void buildAClientBeforeAnyServer() {
        builtInBeforeAll = HttpClient.newHttpClient();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void aJavaHttpClientBuiltInBeforeAllIsIntercepted(String scheme, RawHandler kmock) throws Exception {
        kmock.on("get /hello").reply(Payload.text("hello"));
        assertEquals("200 hello", AppClients.javaHttp(builtInBeforeAll, scheme + "://api.example.test/hello"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void aJavaHttpClientBuiltInAFieldInitialiserIsIntercepted(String scheme, RawHandler kmock) throws Exception {
        kmock.on("get /hello").reply(Payload.text("hello"));
        assertEquals("200 hello", AppClients.javaHttp(builtInAFieldInitialiser, scheme + "://api.example.test/hello"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void anOkHttpClientBuiltInAFieldInitialiserIsIntercepted(String scheme, RawHandler kmock) throws Exception {
        kmock.on("get /hello").reply(Payload.text("hello"));
        assertEquals(
                "200 hello", AppClients.okhttp(okHttpBuiltInAFieldInitialiser, scheme + "://api.example.test/hello"));
    }

    @Test
    void theRequestKeepsTheInterceptedUrl(RawHandler kmock) throws Exception {
        kmock.on("get /where").reply(Payload.text("here"));
        AppClients.javaHttp(builtInAFieldInitialiser, "https://api.example.test/where?q=1");
        assertEquals(
                "https://api.example.test/where?q=1",
                kmock.requests().get(0).url().toString());
    }
}
