package kmock.internal.k8s.defaults;

import java.util.Map;

/**
 * The defaults of the kinds that police requests, Kubernetes 1.32: admission webhooks and validating admission
 * policies (pkg/apis/admissionregistration/v1/defaults.go) and API priority and fairness
 * (pkg/apis/flowcontrol/v1/defaults.go).
 */
final class PolicyDefaults {

    private static final String ADMISSION = "io.k8s.api.admissionregistration.v1.";
    private static final String FLOWCONTROL = "io.k8s.api.flowcontrol.v1.";

    private PolicyDefaults() {}

    static void register(Map<String, TypeDefaulter> types) {
        types.put(ADMISSION + "ValidatingWebhook", PolicyDefaults::webhook);
        types.put(ADMISSION + "MutatingWebhook", webhook -> {
            webhook(webhook);
            Fields.defaultPointer(webhook, "reinvocationPolicy", "Never");
        });
        // The Rule struct is embedded in these two; its defaults apply wherever it is.
        types.put(ADMISSION + "RuleWithOperations", rule -> Fields.defaultPointer(rule, "scope", "*"));
        types.put(ADMISSION + "NamedRuleWithOperations", rule -> Fields.defaultPointer(rule, "scope", "*"));
        types.put(ADMISSION + "ServiceReference", reference -> Fields.defaultPointer(reference, "port", 443));
        types.put(
                ADMISSION + "ValidatingAdmissionPolicySpec",
                spec -> Fields.defaultPointer(spec, "failurePolicy", "Fail"));
        types.put(ADMISSION + "MatchResources", PolicyDefaults::matchResources);
        types.put(FLOWCONTROL + "FlowSchemaSpec", spec -> Fields.defaultValue(spec, "matchingPrecedence", 1000));
        types.put(FLOWCONTROL + "ExemptPriorityLevelConfiguration", exempt -> {
            Fields.defaultPointer(exempt, "nominalConcurrencyShares", 0);
            Fields.defaultPointer(exempt, "lendablePercent", 0);
        });
        types.put(FLOWCONTROL + "LimitedPriorityLevelConfiguration", limited -> {
            Fields.defaultPointer(limited, "nominalConcurrencyShares", 30);
            Fields.defaultPointer(limited, "lendablePercent", 0);
        });
        types.put(FLOWCONTROL + "QueuingConfiguration", queuing -> {
            Fields.defaultValue(queuing, "queues", 64);
            Fields.defaultValue(queuing, "handSize", 8);
            Fields.defaultValue(queuing, "queueLengthLimit", 50);
        });
    }

    private static void webhook(Map<String, Object> webhook) {
        Fields.defaultPointer(webhook, "failurePolicy", "Fail");
        Fields.defaultPointer(webhook, "matchPolicy", "Equivalent");
        Fields.defaultPointer(webhook, "namespaceSelector", Fields.map());
        Fields.defaultPointer(webhook, "objectSelector", Fields.map());
        Fields.defaultPointer(webhook, "timeoutSeconds", 10);
    }

    private static void matchResources(Map<String, Object> match) {
        Fields.defaultPointer(match, "matchPolicy", "Equivalent");
        Fields.defaultPointer(match, "namespaceSelector", Fields.map());
        Fields.defaultPointer(match, "objectSelector", Fields.map());
    }
}
