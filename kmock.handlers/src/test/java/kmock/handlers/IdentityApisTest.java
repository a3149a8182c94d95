package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;

/** The APIs that answer questions (access reviews, token requests, health) over real HTTP on both transports. */
@BothTransports
class IdentityApisTest {

    private static final String TOKEN = "/api/v1/namespaces/ns/serviceaccounts/robot/token";

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
    }

    private static Map<?, ?> json(KResponse response) {
        return (Map<?, ?>) response.json();
    }

    @Test
    void accessReviewsAllowEverything() {
        KResponse review = kmock.post(
                "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                Map.of("spec", Map.of("resourceAttributes", Map.of("verb", "delete", "resource", "nodes"))));
        assertEquals(201, review.status());
        assertEquals(true, ((Map<?, ?>) json(review).get("status")).get("allowed"));
        assertEquals(
                Map.of("resourceAttributes", Map.of("verb", "delete", "resource", "nodes")),
                json(review).get("spec"));
        Map<?, ?> rules = (Map<?, ?>) json(kmock.post(
                        "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
                        Map.of("spec", Map.of("namespace", "ns"))))
                .get("status");
        assertEquals(
                List.of(Map.of("verbs", List.of("*"), "apiGroups", List.of("*"), "resources", List.of("*"))),
                rules.get("resourceRules"));
    }

    @Test
    void aTokenRequestIssuesATokenThatLogsInAsTheServiceAccount() {
        kmock.objects().put("v1/serviceaccounts", "ns", "robot", Map.of());
        KResponse issued = kmock.post(TOKEN, Map.of("spec", Map.of("expirationSeconds", 1200)));
        assertEquals(201, issued.status(), issued.text());
        Map<?, ?> status = (Map<?, ?>) json(issued).get("status");
        String token = (String) status.get("token");
        assertEquals(3, token.split("\\.").length);
        assertTrue(String.valueOf(status.get("expirationTimestamp"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        Map<?, ?> caller = (Map<?, ?>) ((Map<?, ?>) json(kmock.post(
                                "/apis/authentication.k8s.io/v1/selfsubjectreviews",
                                Map.of(),
                                Map.of("Authorization", "Bearer " + token)))
                        .get("status"))
                .get("userInfo");
        assertEquals("system:serviceaccount:ns:robot", caller.get("username"));
        assertEquals(
                List.of("system:serviceaccounts", "system:serviceaccounts:ns", "system:authenticated"),
                caller.get("groups"));
    }

    @Test
    void aTokenRequestNeedsAStoredServiceAccountAndTenMinutes() {
        assertEquals(404, kmock.post(TOKEN, Map.of()).status());
        kmock.objects().put("v1/serviceaccounts", "ns", "robot", Map.of());
        KResponse short_ = kmock.post(TOKEN, Map.of("spec", Map.of("expirationSeconds", 60)));
        assertEquals(422, short_.status());
        assertTrue(short_.text().contains("less than 10 minutes"), short_.text());
    }

    @Test
    void impersonationNamesTheCaller() {
        Map<?, ?> caller = (Map<?, ?>) ((Map<?, ?>) json(kmock.post(
                                "/apis/authentication.k8s.io/v1/selfsubjectreviews",
                                Map.of(),
                                Map.of("Impersonate-User", "jane", "Impersonate-Group", "devs")))
                        .get("status"))
                .get("userInfo");
        assertEquals("jane", caller.get("username"));
        assertEquals(List.of("devs", "system:authenticated"), caller.get("groups"));
    }

    @Test
    void healthEndpointsAnswerOkAndListTheirChecksWhenVerbose() {
        for (String path : List.of("/healthz", "/livez", "/readyz")) {
            assertEquals("ok", kmock.get(path).text());
        }
        String verbose = kmock.get("/readyz?verbose").text();
        assertTrue(verbose.startsWith("[+]ping ok\n") && verbose.endsWith("readyz check passed\n"), verbose);
        assertEquals("ok", kmock.get("/livez/ping").text());
        assertEquals(404, kmock.get("/livez/nothing").status());
    }
}
