package kmock.internal.k8s.selectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import kmock.internal.k8s.status.KubernetesException;

class SelectorsTest {

    private static Map<String, Object> object(Map<String, String> labels) {
        return Map.of(
                "metadata",
                Map.of("name", "n1", "namespace", "ns1", "labels", labels),
                "status",
                Map.of("phase", "Running"));
    }

    private static final Map<String, Object> WEB =
            object(Map.of("app", "web", "tier", "front", "app.kubernetes.io/name", "site"));
    private static final Map<String, Object> BARE = object(Map.of());

    @Test
    void equalityOperators() {
        assertTrue(Selectors.labels("app=web").test(WEB));
        assertTrue(Selectors.labels("app==web").test(WEB));
        assertFalse(Selectors.labels("app=db").test(WEB));
        assertTrue(Selectors.labels("app!=db").test(WEB));
        assertTrue(Selectors.labels("app!=db").test(BARE), "!= matches objects without the key");
    }

    @Test
    void setOperatorsAndExistence() {
        assertTrue(Selectors.labels("tier in (front, back)").test(WEB));
        assertFalse(Selectors.labels("tier in (back)").test(WEB));
        assertTrue(Selectors.labels("tier notin (back)").test(WEB));
        assertTrue(Selectors.labels("tier notin (back)").test(BARE), "notin matches objects without the key");
        assertTrue(Selectors.labels("app").test(WEB));
        assertFalse(Selectors.labels("app").test(BARE));
        assertTrue(Selectors.labels("!app").test(BARE));
    }

    @Test
    void requirementsAreAndedWithPrefixedKeysAndSpaces() {
        assertTrue(Selectors.labels(" app = web , app.kubernetes.io/name=site, tier in (front) ")
                .test(WEB));
        assertFalse(Selectors.labels("app=web,tier=back").test(WEB));
        assertTrue(Selectors.labels("").test(BARE));
        assertTrue(Selectors.labels(null).test(BARE));
    }

    @Test
    void fieldSelectorsReadDottedPaths() {
        assertTrue(Selectors.fields("metadata.name=n1,metadata.namespace==ns1").test(WEB));
        assertTrue(Selectors.fields("status.phase!=Pending").test(WEB));
        assertFalse(Selectors.fields("status.phase=Pending").test(WEB));
        assertTrue(Selectors.fields("spec.nodeName=").test(WEB), "an absent field reads as empty");
    }

    @Test
    void malformedSelectorsAre400s() {
        for (String bad : new String[] {"app in web", "tier in (a", "a)", "=x", "a=b=c", "bad key!=x", ","}) {
            KubernetesException failure = assertThrows(KubernetesException.class, () -> Selectors.labels(bad), bad);
            assertEquals(400, failure.code(), bad);
            assertTrue(failure.getMessage().contains(bad), failure.getMessage());
        }
        assertThrows(KubernetesException.class, () -> Selectors.fields("metadata.name"));
    }

    @Test
    void randomInputOnlyEverFailsWithA400() {
        long seed = Long.getLong("kmock.fuzz.seed", 7L);
        Random random = new Random(seed);
        String alphabet = "ab=!(), inotx.-/";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                Selectors.labels(text.toString()).test(WEB);
                Selectors.fields(text.toString()).test(WEB);
            } catch (KubernetesException expected) {
                assertEquals(400, expected.code(), "seed " + seed + ": " + text);
            }
        }
    }
}
