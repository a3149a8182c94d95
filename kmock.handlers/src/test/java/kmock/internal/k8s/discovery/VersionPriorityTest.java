package kmock.internal.k8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class VersionPriorityTest {

    /** The example of the Kubernetes documentation on custom resource versions, highest priority first. */
    private static final List<String> KUBERNETES_EXAMPLE =
            List.of("v10", "v2", "v1", "v11beta2", "v10beta3", "v3beta1", "v12alpha1", "v11alpha2", "foo1", "foo10");

    @Test
    void versionsSortAsKubernetesDocumentsTheirPriority() {
        for (long seed = 0; seed < 20; seed++) {
            List<String> shuffled = new ArrayList<>(KUBERNETES_EXAMPLE);
            Collections.shuffle(shuffled, new Random(seed));

            shuffled.sort(VersionPriority.HIGHEST_FIRST);

            assertEquals(KUBERNETES_EXAMPLE, shuffled, "from seed " + seed);
        }
    }

    @Test
    void stableBeatsBetaBeatsAlphaWhateverTheNumbers() {
        List<String> versions = new ArrayList<>(List.of("v1alpha1", "v1beta1", "v1beta2", "v2", "v1"));

        versions.sort(VersionPriority.HIGHEST_FIRST);

        assertEquals(List.of("v2", "v1", "v1beta2", "v1beta1", "v1alpha1"), versions);
    }

    @Test
    void hugeVersionNumbersCompareWithoutOverflow() {
        List<String> versions = new ArrayList<>(List.of("v99999999999999999999", "v100000000000000000000"));

        versions.sort(VersionPriority.HIGHEST_FIRST);

        assertEquals(List.of("v100000000000000000000", "v99999999999999999999"), versions);
    }

    @Test
    void equalVersionsCompareEqual() {
        assertEquals(0, VersionPriority.HIGHEST_FIRST.compare("v1beta1", "v1beta1"));
    }
}
