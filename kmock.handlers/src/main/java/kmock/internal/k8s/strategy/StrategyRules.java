package kmock.internal.k8s.strategy;

import kmock.internal.k8s.store.GenerationRule;

/**
 * The rules of one kind's registry strategy, as data: what a write of the main resource does to {@code status},
 * what a write through {@code /status} keeps of the stored object, how {@code metadata.generation} counts, and
 * the kind's own behaviour.
 *
 * @param status      the main resource's status rule
 * @param statusWrite what a {@code /status} write keeps of the stored object
 * @param generations how the kind counts generations
 * @param hook        the kind-specific steps
 */
record StrategyRules(StatusRule status, StatusWrite statusWrite, GenerationRule generations, KindHook hook) {

    /** What a create and an update of the main resource do to {@code status}. */
    enum StatusRule {
        /** Status is an ordinary field (kinds without a status subresource). */
        ORDINARY,
        /** A create starts from the zero status (the hook may set an initial one); an update keeps the stored one. */
        RESET,
        /** A create keeps the given status (Nodes register with theirs); an update keeps the stored one. */
        KEPT_ON_CREATE,
        /** A custom resource with the subresource: a create drops the status, an update keeps the stored one. */
        DROPPED_ON_CREATE
    }

    /** What a write through {@code /status} keeps of the stored object. */
    enum StatusWrite {
        /** Everything but the status (custom resources, flow control). */
        ALL_BUT_STATUS,
        /** The spec; metadata changes pass (most built-in kinds). */
        SPEC,
        /** The spec and the labels (Deployments). */
        SPEC_AND_LABELS,
        /** The spec, labels, annotations, finalizers and owner references ({@code ResetObjectMetaForStatus}). */
        SPEC_AND_METADATA
    }

    /** A kind without status and without generations: ConfigMaps, Secrets, ServiceAccounts, roles… */
    static final StrategyRules PLAIN =
            new StrategyRules(StatusRule.ORDINARY, StatusWrite.SPEC, GenerationRule.NONE, KindHook.NONE);

    /** The same rules with a kind-specific hook. */
    StrategyRules with(KindHook newHook) {
        return new StrategyRules(status, statusWrite, generations, newHook);
    }
}
