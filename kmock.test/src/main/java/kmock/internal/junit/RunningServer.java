package kmock.internal.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import kmock.api.Request;
import kmock.api.Server;
import kmock.handlers.KubernetesEmulator;
import kmock.handlers.KubernetesScaffold;
import kmock.handlers.RawHandler;

/**
 * One test's handler and started server; closing it closes both, and a strict handler's first error is thrown
 * from {@link #close()} so that it fails the test.
 */
@SuppressWarnings(
        "try") // close() throws Exception: it rethrows a strict handler's first error, whatever it is, to fail the test
public final class RunningServer implements AutoCloseable {

    /** How many unmatched requests and errors a report lists. */
    private static final int MOST = 20;

    private final RawHandler handler;
    private final Server server;
    private boolean closed;

    private RunningServer(RawHandler handler, Server server) {
        this.handler = handler;
        this.server = server;
    }

    /** Makes the handler of a class with the settings and starts its server. */
    public static RunningServer start(Class<? extends RawHandler> type, Settings settings) {
        RawHandler handler = instantiate(type, settings);
        try {
            Server.Builder builder = Server.builder(handler)
                    .port(settings.port())
                    .host(settings.host())
                    .hostnames(settings.hostnames().toArray())
                    .interceptJvm(settings.interceptJvm());
            if (settings.transport() != null) {
                builder.transport(settings.transport());
            }
            return new RunningServer(handler, builder.start());
        } catch (RuntimeException e) {
            closeQuietly(handler, e);
            throw e;
        }
    }

    /** The handler. */
    public RawHandler handler() {
        return handler;
    }

    /**
     * Gives a Kubernetes handler the bundled catalog unless it has resources already: a client injected for it
     * expects the API of a cluster.
     */
    public void serveBundledCatalog() {
        if (handler instanceof KubernetesScaffold kubernetes
                && kubernetes.resources().size() == 0) {
            kubernetes.resources().loadBundled();
        }
    }

    /** The started server. */
    public Server server() {
        return server;
    }

    /**
     * A report of what went wrong on the server side, or {@code null} when nothing did: the requests that matched
     * no rule with their near-miss reports (the first {@value #MOST}), and the server-side errors.
     */
    public String report() {
        List<Request> unmatched = handler.unmatched();
        List<Throwable> errors = handler.errors();
        if (unmatched.isEmpty() && errors.isEmpty()) {
            return null;
        }
        StringBuilder text =
                new StringBuilder("KMock server ").append(server.url()).append(':');
        if (!unmatched.isEmpty()) {
            text.append("\n  ").append(unmatched.size()).append(" request(s) matched no rule:");
            int requests = 0;
            for (String line : handler.describeUnmatched().split("\n")) {
                if (!line.startsWith(" ") && ++requests > MOST) {
                    text.append("\n    … and ").append(unmatched.size() - MOST).append(" more");
                    break;
                }
                text.append("\n    ").append(line);
            }
        }
        if (!errors.isEmpty()) {
            text.append("\n  ").append(errors.size()).append(" server-side error(s):");
            text.append(errors.stream().limit(MOST).map(e -> "\n    " + e).collect(Collectors.joining()));
        }
        return text.toString();
    }

    /** Closes the server, then the handler; a strict handler's error propagates. */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } finally {
            handler.close();
        }
    }

    private static RawHandler instantiate(Class<? extends RawHandler> type, Settings settings) {
        boolean options = settings.strict()
                || settings.failOnUnmatched() != null
                || settings.limit() >= 0
                || settings.controllers() != null;
        if (settings.controllers() != null && !KubernetesEmulator.class.isAssignableFrom(type)) {
            throw new ExtensionConfigurationException("Controllers need a KubernetesEmulator, but the handler is "
                    + type.getSimpleName() + ": drop the controllers or use the emulator");
        }
        try {
            if (!options) {
                return type.getConstructor().newInstance();
            }
            Method builderMethod = type.getMethod("builder");
            if (builderMethod.getDeclaringClass() != type) {
                throw new ExtensionConfigurationException(type.getName() + " declares no static builder(), which "
                        + "strict, failOnUnmatched and limit need; declare one returning a RawHandler.Builder subtype that builds "
                        + type.getSimpleName());
            }
            RawHandler.Builder<?> builder = (RawHandler.Builder<?>) builderMethod.invoke(null);
            builder.strict(settings.strict());
            if (settings.failOnUnmatched() != null) {
                builder.failOnUnmatched(settings.failOnUnmatched());
            }
            if (settings.limit() >= 0) {
                builder.limit(settings.limit());
            }
            if (settings.controllers() != null) {
                ((KubernetesEmulator.Builder) builder).controllers(settings.controllers());
            }
            return builder.build();
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException(type.getName() + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new ExtensionConfigurationException(
                    "Cannot make " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("Cannot make " + type.getName() + ": " + e, e);
        }
    }

    private static void closeQuietly(RawHandler handler, Exception primary) {
        try {
            handler.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
