package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.Payload;
import kmock.api.Request;
import kmock.api.Server;
import kmock.handlers.KubernetesEmulator;
import kmock.internal.json.Json;
import kmock.it.transport.BothTransports;

/** The emulator's users: identities recorded on requests, 401 only when authentication is required. */
@BothTransports
class AuthenticationTest {

    @Parameter
    String transport;

    private static HttpResponse<String> get(Server server, String path, String token) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(server.certificateAuthority().sslContext())
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokensUserIsRecordedOnTheRequestAndViewsMatchOnIt() throws Exception {
        try (KubernetesEmulator emulator = new KubernetesEmulator();
                Server server =
                        Server.builder(emulator).transport(transport).https().start()) {
            emulator.users().add("alice", "devs").token("alice", "t0ken");
            emulator.on((Predicate<Request>) request -> "alice".equals(request.user()))
                    .reply(Payload.text("hello alice"));
            assertEquals("hello alice", get(server, "/anything", "t0ken").body());
            Request seen = emulator.requests().get(0);
            assertEquals("alice", seen.user());
            assertEquals(List.of("devs", "system:authenticated"), seen.groups());
        }
    }

    @Test
    void withoutRequiredAuthenticationAnUnknownTokenIsAnonymous() throws Exception {
        try (KubernetesEmulator emulator = new KubernetesEmulator();
                Server server = Server.builder(emulator).transport(transport).start()) {
            emulator.resources().loadBundled();
            assertEquals(200, get(server, "/api/v1/namespaces", "whatever").statusCode());
            assertNull(emulator.requests().get(0).user());
        }
    }

    @Test
    void aWrongOrMissingCredentialGets401WhenRequired() throws Exception {
        try (KubernetesEmulator emulator = new KubernetesEmulator();
                Server server =
                        Server.builder(emulator).transport(transport).https().start()) {
            emulator.resources().loadBundled();
            emulator.users().token("alice", "t0ken").required(true);
            HttpResponse<String> wrong = get(server, "/api/v1/namespaces", "wrong");
            assertEquals(401, wrong.statusCode());
            Map<?, ?> status = (Map<?, ?>) Json.parse(wrong.body().getBytes());
            assertEquals("Unauthorized", status.get("reason"));
            assertEquals(401, ((Number) status.get("code")).intValue());
            assertEquals(401, get(server, "/api/v1/namespaces", null).statusCode());
            assertEquals(200, get(server, "/api/v1/namespaces", "t0ken").statusCode());
            assertTrue(emulator.errors().isEmpty(), "a refused credential is an answer, not a server error");
        }
    }

    @Test
    void selfSubjectReviewAnswersTheCaller() throws Exception {
        try (KubernetesEmulator emulator = new KubernetesEmulator();
                Server server = Server.builder(emulator).transport(transport).start()) {
            emulator.users().add("bob", "ops").token("bob", "b0b");
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest review = HttpRequest.newBuilder(
                            server.url().resolve("/apis/authentication.k8s.io/v1/selfsubjectreviews"))
                    .header("Authorization", "Bearer b0b")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}"))
                    .build();
            HttpResponse<String> answer = client.send(review, HttpResponse.BodyHandlers.ofString());
            assertEquals(201, answer.statusCode());
            Map<?, ?> userInfo = (Map<?, ?>)
                    ((Map<?, ?>) ((Map<?, ?>) Json.parse(answer.body().getBytes())).get("status")).get("userInfo");
            assertEquals("bob", userInfo.get("username"));
            assertEquals(List.of("ops", "system:authenticated"), userInfo.get("groups"));
        }
    }
}
