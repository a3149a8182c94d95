package kmock.internal.junit;

import java.util.List;

import org.junit.jupiter.api.extension.ParameterResolutionException;

import kmock.handlers.KubernetesEmulator;
import kmock.handlers.KubernetesScaffold;
import kmock.handlers.RawHandler;

/**
 * Which handler class a test gets: the configured one when there is one (it must fit every handler type the test
 * declares), else the most specific handler type declared among the test's parameters and fields, else
 * {@code KubernetesEmulator}; a Kubernetes client or kubeconfig asks for at least an emulator.
 */
final class HandlerChoice {

    private HandlerChoice() {}

    static Class<? extends RawHandler> choose(Settings settings, List<Wanted> wanted) {
        boolean kubernetes = wanted.stream().anyMatch(Wanted::kubernetes);
        Wanted needsKubernetes =
                wanted.stream().filter(Wanted::kubernetes).findFirst().orElse(null);
        if (settings.handler() != null) {
            Class<? extends RawHandler> configured = settings.handler();
            for (Wanted one : wanted) {
                if (one.kind() == Wanted.Kind.HANDLER && !one.type().isAssignableFrom(configured)) {
                    throw new ParameterResolutionException("The " + one.describe() + " cannot take the "
                            + configured.getSimpleName() + " that " + settings.handlerSource()
                            + " makes: declare it as "
                            + configured.getSimpleName() + " (or a supertype), or configure @KMock(handler = "
                            + one.type().getSimpleName() + ".class).");
                }
            }
            if (kubernetes && !KubernetesScaffold.class.isAssignableFrom(configured)) {
                throw new ParameterResolutionException(
                        "The " + needsKubernetes.describe() + " needs a Kubernetes API, but "
                                + settings.handlerSource() + " makes a " + configured.getSimpleName()
                                + ": configure @KMock(handler = KubernetesEmulator.class), or drop the handler setting.");
            }
            return configured;
        }
        Class<?> chosen = null;
        Wanted chooser = null;
        for (Wanted one : wanted) {
            if (one.kind() != Wanted.Kind.HANDLER) {
                continue;
            }
            if (chosen == null || chosen.isAssignableFrom(one.type())) {
                chosen = one.type();
                chooser = one;
            } else if (!one.type().isAssignableFrom(chosen)) {
                throw new ParameterResolutionException("The " + chooser.describe() + " and the " + one.describe()
                        + " ask for unrelated handlers, and a test has one: declare both with the same type, or one with "
                        + "a supertype of the other.");
            }
        }
        if (chosen == null || kubernetes && chosen.isAssignableFrom(KubernetesEmulator.class)) {
            return KubernetesEmulator.class;
        }
        if (kubernetes && !KubernetesScaffold.class.isAssignableFrom(chosen)) {
            throw new ParameterResolutionException(
                    "The " + needsKubernetes.describe() + " needs a Kubernetes API, but the " + chooser.describe()
                            + " asks for a handler that serves none: declare it as a KubernetesEmulator.");
        }
        return chosen.asSubclass(RawHandler.class);
    }
}
