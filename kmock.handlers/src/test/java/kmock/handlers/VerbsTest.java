package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Wherever a criterion string takes a verb, every HTTP method and every Kubernetes action word is one. */
class VerbsTest {

    @RegisterExtension
    final Served served = new Served();

    private RawHandler kmock;

    @BeforeEach
    void start() {
        kmock = served.serve(new RawHandler(), null);
    }

    @Test
    void aMethodBeforeAResourceMatchesThatMethodOnIt() {
        kmock.on("patch v1/configmaps").reply("patched");
        kmock.on("put v1/configmaps").reply("put");
        assertEquals(
                "\"patched\"",
                kmock.patch("/api/v1/namespaces/ns/configmaps/cm", List.of()).text());
        assertEquals(
                "\"put\"",
                kmock.put("/api/v1/namespaces/ns/configmaps/cm", List.of()).text());
        assertEquals(
                404, kmock.patch("/api/v1/namespaces/ns/secrets/s", List.of()).status());
    }

    @Test
    void everyMethodWordReadsBeforeAPathAndAResource() {
        for (String method : List.of("get", "head", "post", "put", "patch", "delete", "options", "trace")) {
            kmock.on(method + " /m/" + method).reply(204);
            if (!method.equals("delete")) {
                kmock.on(method + " pods.v1").reply(204);
            }
        }
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")) {
            assertEquals(
                    204,
                    kmock.request(method, "/m/" + method.toLowerCase(java.util.Locale.ROOT), null, null)
                            .status(),
                    method);
        }
        assertEquals(204, kmock.request("OPTIONS", "/api/v1/pods", null, null).status());
    }

    @Test
    void anActionBeforeAPathMatchesThatActionThere() {
        kmock.on("list /api/v1/pods").reply("listed");
        kmock.on("create /api/v1/namespaces/ns/pods").reply("created");
        assertEquals("\"listed\"", kmock.get("/api/v1/pods").text());
        assertEquals(
                "\"created\"",
                kmock.post("/api/v1/namespaces/ns/pods", java.util.Map.of()).text());
        assertEquals(404, kmock.get("/api/v1/pods?watch=true").status());
    }

    @Test
    void deleteBeforeAResourceIsTheActionAndBeforeAPathTheMethod() {
        kmock.on("delete v1/pods").reply("action");
        kmock.on("delete /other").reply("method");
        assertEquals("\"action\"", kmock.delete("/api/v1/namespaces/ns/pods/p").text());
        assertEquals("\"method\"", kmock.delete("/other").text());
    }
}
