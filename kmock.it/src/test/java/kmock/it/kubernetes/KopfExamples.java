package kmock.it.kubernetes;

import java.util.ArrayList;
import java.util.List;

/** The custom resource the kubectl tests define: kopf's KopfExample (short name {@code kex}), schema left open. */
final class KopfExamples {

    /** One KopfExample, {@code ex1}, in the default namespace. */
    static final String EX1 =
            "apiVersion: kopf.dev/v1\nkind: KopfExample\nmetadata: {name: ex1}\nspec: {duration: 5}\n";

    private KopfExamples() {}

    /** The CustomResourceDefinition, with more lines for its one version (such as printer columns) at the end. */
    static String definition(String... versionLines) {
        List<String> lines = new ArrayList<>(List.of(
                "apiVersion: apiextensions.k8s.io/v1",
                "kind: CustomResourceDefinition",
                "metadata: {name: kopfexamples.kopf.dev}",
                "spec:",
                "  group: kopf.dev",
                "  scope: Namespaced",
                "  names: {kind: KopfExample, plural: kopfexamples, singular: kopfexample, shortNames: [kex]}",
                "  versions:",
                "  - name: v1",
                "    served: true",
                "    storage: true",
                "    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}"));
        lines.addAll(List.of(versionLines));
        lines.add("");
        return String.join("\n", lines);
    }
}
