package kmock.internal.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which API groups and versions fetch resources keeps, from its --include and --exclude globs. */
class GroupFilterTest {

    private static GroupFilter filter(String... orderedFlags) {
        return GroupFilter.of(List.of(orderedFlags));
    }

    @Test
    void withoutAnIncludeTheDefaultGroupsAreKept() {
        GroupFilter defaults = filter();
        for (String group : List.of("", "apps", "autoscaling", "batch", "policy", "rbac.authorization.k8s.io")) {
            assertTrue(defaults.keeps(group, "v1"), group);
        }
        assertFalse(defaults.keeps("example.com", "v1"));
        assertFalse(defaults.keeps("k8s.io", "v1"), "*.k8s.io names the subgroups");
    }

    @Test
    void theCoreGroupIsNamedCore() {
        assertTrue(filter("include=core").keeps("", "v1"));
        assertFalse(filter("include=apps").keeps("", "v1"));
    }

    @Test
    void anIncludeReplacesTheDefaults() {
        GroupFilter onlyExamples = filter("include=example.com");
        assertTrue(onlyExamples.keeps("example.com", "v1"));
        assertFalse(onlyExamples.keeps("apps", "v1"));
    }

    @Test
    void anExcludeAloneStartsFromTheDefaults() {
        GroupFilter noBatch = filter("exclude=batch");
        assertTrue(noBatch.keeps("apps", "v1"));
        assertFalse(noBatch.keeps("batch", "v1"));
    }

    @Test
    void theLastMatchingRuleDecides() {
        GroupFilter filter =
                filter("include=*.k8s.io", "exclude=rbac.authorization.k8s.io", "include=rbac.authorization.k8s.io/v1");
        assertTrue(filter.keeps("rbac.authorization.k8s.io", "v1"));
        assertFalse(filter.keeps("rbac.authorization.k8s.io", "v1beta1"));
        assertTrue(filter.keeps("storage.k8s.io", "v1"));
    }

    @Test
    void aGlobWithAVersionKeepsOnlyThatVersion() {
        GroupFilter batchV1 = filter("include=batch/v1");
        assertTrue(batchV1.keeps("batch", "v1"));
        assertFalse(batchV1.keeps("batch", "v1beta1"));
    }

    @Test
    void aStarStopsAtTheSlashBetweenGroupAndVersion() {
        GroupFilter everyV1 = filter("include=*/v1");
        assertTrue(everyV1.keeps("", "v1"));
        assertTrue(everyV1.keeps("example.com", "v1"));
        assertFalse(everyV1.keeps("example.com", "v2"));
        assertFalse(filter("include=apps*v1").keeps("apps", "v1"), "apps/v1 would match if the star crossed it");
    }

    @Test
    void aQuestionMarkIsOneCharacter() {
        GroupFilter versions = filter("include=apps/v?");
        assertTrue(versions.keeps("apps", "v1"));
        assertFalse(versions.keeps("apps", "v10"));
    }

    @Test
    void otherCharactersOfAGlobAreLiteral() {
        GroupFilter dotted = filter("include=policy.example.com");
        assertTrue(dotted.keeps("policy.example.com", "v1"));
        assertFalse(dotted.keeps("policyXexample.com", "v1"), "a dot is no regex wildcard");
    }
}
