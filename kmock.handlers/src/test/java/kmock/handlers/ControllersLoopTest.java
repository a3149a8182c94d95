package kmock.handlers;

import static kmock.handlers.Manifests.at;
import static kmock.handlers.Manifests.condition;
import static kmock.handlers.Manifests.create;
import static kmock.handlers.Manifests.deployment;
import static kmock.handlers.Manifests.get;
import static kmock.handlers.Manifests.job;
import static kmock.handlers.Manifests.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kmock.api.Server;
import kmock.internal.payloads.Waiting;

/** How the controllers run: off by default, in the background or by settle(), the same steps every time, and threads that end. */
class ControllersLoopTest {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    @RegisterExtension
    final Served served = new Served();

    /** A scenario: a Deployment, a Job and a namespace that is deleted. */
    private static void scenario(KubernetesEmulator kmock) {
        create(
                kmock,
                "/api/v1/namespaces",
                map("metadata", map("name", "gone"), "spec", map("finalizers", List.of("kubernetes"))));
        create(kmock, DEPLOYMENTS, deployment("web", 3, "nginx"));
        create(kmock, "/apis/batch/v1/namespaces/default/jobs", job("once", 2, 2, Map.of()));
        kmock.delete("/api/v1/namespaces/gone");
    }

    /** What the objects say, without the names, uids and versions that differ between runs. */
    private static List<String> endState(KubernetesEmulator kmock) {
        List<String> state = new ArrayList<>();
        for (ObjectsArray.Key key : kmock.objects().keys()) {
            KObject object = kmock.objects().get(key);
            if (object.deleted()) {
                continue;
            }
            String name = key.name().replaceAll("-[a-z0-9]{5}$", "-*");
            state.add(key.resource().plural() + " " + key.namespace() + "/" + name + " " + at(object, "status", "phase")
                    + " " + summary(at(object, "status")));
        }
        state.sort(String::compareTo);
        return state;
    }

    private static String summary(Object status) {
        if (!(status instanceof Map<?, ?> map)) {
            return "";
        }
        Map<String, Object> kept = new java.util.TreeMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Number || "conditions".equals(k)) {
                kept.put(
                        String.valueOf(k),
                        v instanceof List<?> list
                                ? list.stream()
                                        .map(c -> ((Map<?, ?>) c).get("type") + "=" + ((Map<?, ?>) c).get("status"))
                                        .sorted()
                                        .toList()
                                : v);
            }
        });
        return kept.toString();
    }

    @Test
    void withoutControllersTheEmulatorStaysABareApiServer() {
        KubernetesEmulator kmock = served.serve(new KubernetesEmulator(), null);
        kmock.resources().loadBundled();
        scenario(kmock);
        kmock.settle();
        assertEquals(
                Set.of("namespaces gone", "deployments web", "jobs once"),
                kmock.objects().keys().stream()
                        .map(key -> key.resource().plural() + " " + key.name())
                        .collect(java.util.stream.Collectors.toSet()),
                "only what the client wrote: no ReplicaSet, no pod, no node");
        assertTrue(
                kmock.objects().get("v1/namespaces", null, "gone").deleted(),
                "the emulator finalizes a namespace at once");
        assertEquals(Map.of(), at(get(kmock, DEPLOYMENTS + "/web"), "status"));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("kmock-controllers")));
    }

    @Test
    void controllersNoneIsTheDefault() {
        KubernetesEmulator kmock = served.serve(
                KubernetesEmulator.builder().controllers(Controllers.none()).build(), null);
        kmock.resources().loadBundled();
        create(kmock, DEPLOYMENTS, deployment("web", 1, "nginx"));
        kmock.settle();
        assertEquals(1, kmock.objects().size());
    }

    @Test
    void settlingReachesTheEndStateThatTheBackgroundThreadReaches() {
        List<String> settled;
        // Two emulators one after the other, each closed before the next starts: separate runs compared.
        try (KubernetesEmulator kmock = KubernetesEmulator.builder()
                        .controllers(Controllers.all().background(false))
                        .build();
                Server server = Server.builder(kmock).start()) {
            scenario(kmock);
            kmock.settle();
            settled = endState(kmock);
        }
        try (KubernetesEmulator kmock = KubernetesEmulator.builder()
                        .controllers(Controllers.all())
                        .build();
                Server server = Server.builder(kmock).start()) {
            scenario(kmock);
            Waiting.until(
                    "the job completes, the deployment is available and the namespace is gone",
                    () -> condition(get(kmock, "/apis/batch/v1/namespaces/default/jobs/once"), "Complete") != null
                            && "True"
                                    .equals(String.valueOf(
                                            at(condition(get(kmock, DEPLOYMENTS + "/web"), "Available"), "status")))
                            && get(kmock, "/api/v1/namespaces/gone") == null
                            && Integer.valueOf(3)
                                    .equals(at(get(kmock, DEPLOYMENTS + "/web"), "status", "availableReplicas")));
            kmock.settle();
            assertEquals(settled, endState(kmock));
        }
        assertTrue(
                settled.stream().anyMatch(line -> line.startsWith("deployments default/web")), String.valueOf(settled));
    }

    @Test
    void theSameChangesTakeTheSameStepsEveryTime() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            // Each run closes its emulator before the next starts: separate runs compared.
            try (KubernetesEmulator kmock = KubernetesEmulator.builder()
                            .controllers(Controllers.all().background(false))
                            .clock(Clock.fixed(START, ZoneOffset.UTC))
                            .build();
                    Server server = Server.builder(kmock).start()) {
                scenario(kmock);
                kmock.settle();
                List<String> steps = new ArrayList<>();
                for (ObjectsArray.Key key : kmock.objects().keys()) {
                    String name = key.name().replaceAll("-[a-z0-9]{5}$", "-*");
                    for (Map<String, Object> version : kmock.objects().get(key).history()) {
                        steps.add(key.resource().plural() + "/" + name + " "
                                + (version == null ? "deleted" : summary(at(version, "status"))));
                    }
                }
                steps.sort(String::compareTo);
                runs.add(steps);
            }
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(
                runs.get(0).size() > 20,
                "a rollout, a job and a deletion take many steps: "
                        + runs.get(0).size());
    }

    @Test
    void advanceMovesTheEmulatorsClockForEveryTimestamp() {
        KubernetesEmulator kmock = served.serve(
                KubernetesEmulator.builder()
                        .clock(Clock.fixed(START, ZoneOffset.UTC))
                        .build(),
                null);
        kmock.resources().loadBundled();
        kmock.advance(Duration.ofHours(1));
        Map<?, ?> created = create(kmock, "/api/v1/namespaces/default/configmaps", map("metadata", map("name", "c")));
        assertEquals("2030-01-01T01:00:00Z", at(created, "metadata", "creationTimestamp"));
        assertEquals(START.plus(Duration.ofHours(1)), kmock.clock().instant());
    }

    @Test
    void theBackgroundThreadEndsWhenTheEmulatorCloses() {
        KubernetesEmulator kmock =
                KubernetesEmulator.builder().controllers(Controllers.all()).build();
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("kmock-controllers") && t.isAlive())
                .findFirst()
                .orElseThrow();
        kmock.close();
        assertFalse(worker.isAlive());
    }

    @Test
    void controllersNeedManagedMetadata() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> KubernetesEmulator.builder()
                        .managedMetadata(false)
                        .controllers(Controllers.all())
                        .build());
        assertTrue(refused.getMessage().contains("managedMetadata(true)"), refused.getMessage());
    }

    @Test
    void unknownControllerNamesAreRefusedWithTheKnownOnes() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Controllers.of("*", "-deployments"));
        assertTrue(refused.getMessage().contains("No controller named 'deployments'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("deployment, replicaset"), refused.getMessage());
        assertEquals(
                Controllers.NAMES.size() - 1,
                Controllers.of("*", "-cronjob").enabled().size());
    }

    @Test
    void errorsOfTheControllersReachTheEmulatorsErrors() {
        KubernetesEmulator kmock = served.serve(
                KubernetesEmulator.builder()
                        .controllers(Controllers.all()
                                .background(false)
                                .pods(
                                        pod -> {
                                            throw new IllegalStateException("a broken rule");
                                        },
                                        Map.of()))
                        .build(),
                null);
        create(kmock, "/api/v1/namespaces/default/pods", Manifests.pod("p", null, Map.of()));
        kmock.settle();
        assertTrue(
                kmock.errors().stream().anyMatch(e -> "a broken rule".equals(e.getMessage())),
                String.valueOf(kmock.errors()));
    }
}
