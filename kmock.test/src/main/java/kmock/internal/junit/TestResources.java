package kmock.internal.junit;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ParameterResolutionException;

import kmock.handlers.KubernetesScaffold;
import kmock.handlers.RawHandler;
import kmock.internal.junit.clients.ClientLibraries;
import kmock.internal.junit.clients.ClientLibrary;

/**
 * One test's server and what was made from it for the test's parameters and fields: made on first use, closed
 * after the test (injected fields set back to null, clients closed, the kubeconfig deleted, then the server and
 * handler closed, where a strict handler fails the test).
 */
@SuppressWarnings(
        "try") // close() throws Exception: it rethrows a strict handler's first error, whatever it is, to fail the test
public final class TestResources implements AutoCloseable {

    private final Settings settings;
    private final List<Wanted> declared;
    private final List<Runnable> resets = new ArrayList<>();
    private RunningServer server;
    private List<ClientLibrary> libraries;
    private KubeconfigFile kubeconfig;

    /**
     * @param settings the test's settings
     * @param declared everything the test's parameters and fields ask for, which decides the handler class
     */
    public TestResources(Settings settings, List<Wanted> declared) {
        this.settings = settings;
        this.declared = List.copyOf(declared);
    }

    /** The running server, started on first use. */
    public synchronized RunningServer server() {
        if (server == null) {
            server = RunningServer.start(HandlerChoice.choose(settings, declared), settings);
        }
        return server;
    }

    /** The server, if one was started. */
    public synchronized RunningServer startedServer() {
        return server;
    }

    /** What a parameter or field asks for. @throws ParameterResolutionException saying what is wrong and what to do */
    public synchronized Object resolve(Wanted wanted) {
        RunningServer running = server();
        if (wanted.kubernetes()) {
            running.serveBundledCatalog();
        }
        switch (wanted.kind()) {
            case SERVER:
                return running.server();
            case HANDLER:
                if (!wanted.type().isInstance(running.handler())) {
                    throw new ParameterResolutionException("This test's KMock handler is a "
                            + running.handler().getClass().getSimpleName() + ", which the " + wanted.describe()
                            + " cannot take: declare the parameters with one handler type.");
                }
                return running.handler();
            case KUBECONFIG:
                if (kubeconfig == null) {
                    kubeconfig = KubeconfigFile.write((KubernetesScaffold) running.handler());
                }
                return kubeconfig.path();
            default:
                return client(wanted, running);
        }
    }

    private Object client(Wanted wanted, RunningServer running) {
        if (libraries == null) {
            libraries = ClientLibraries.forOneTest();
        }
        for (ClientLibrary library : libraries) {
            if (library.supports(wanted.type())) {
                try {
                    return library.client(wanted.type(), running.server().url());
                } catch (IllegalStateException | LinkageError failed) {
                    throw new ParameterResolutionException(
                            "Cannot make the " + wanted.describe() + ": " + failed.getMessage(), failed);
                }
            }
        }
        throw new ParameterResolutionException(
                "No client library on the class path makes a " + wanted.type().getName());
    }

    /** Sets a field of a test instance that is still null to what it asks for; set back to null at close. */
    public synchronized void inject(Object instance, Field field) {
        try {
            field.setAccessible(true);
            if (field.get(instance) != null) {
                return;
            }
            field.set(instance, resolve(Wanted.of(field)));
            resets.add(() -> {
                try {
                    field.set(instance, null);
                } catch (IllegalAccessException ignored) {
                    // it was accessible a moment ago
                }
            });
        } catch (IllegalAccessException | RuntimeException e) {
            if (e instanceof ParameterResolutionException resolution) {
                throw resolution;
            }
            throw new ParameterResolutionException(
                    "Cannot set the " + Wanted.of(field).describe() + " of "
                            + instance.getClass().getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** The handler of the running server, or {@code null} when none was started. */
    public synchronized RawHandler handler() {
        return server == null ? null : server.handler();
    }

    @Override
    public synchronized void close() throws Exception {
        resets.forEach(Runnable::run);
        resets.clear();
        if (libraries != null) {
            libraries.forEach(ClientLibrary::close);
        }
        if (kubeconfig != null) {
            kubeconfig.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
