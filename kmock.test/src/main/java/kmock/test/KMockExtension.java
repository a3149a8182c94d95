package kmock.test;

import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

import kmock.api.Server;
import kmock.handlers.Controllers;
import kmock.handlers.KubernetesEmulator;
import kmock.handlers.RawHandler;
import kmock.internal.intercept.JvmInterception;
import kmock.internal.junit.RunningServer;
import kmock.internal.junit.Settings;
import kmock.internal.junit.TestResources;
import kmock.internal.junit.Wanted;

/**
 * The JUnit Jupiter extension behind {@link KMockTest}: resolves {@code RawHandler}, {@code KubernetesScaffold},
 * {@code KubernetesEmulator} and {@code Server} parameters to a fresh handler with a started server, and, when the
 * library is on the test class path, Kubernetes clients pointed at it (fabric8's {@code KubernetesClient},
 * client-java's {@code ApiClient} and its API classes such as {@code CoreV1Api}) and {@link Kubeconfig} files;
 * fields of those types that are still {@code null} are set before each test. Everything is made on first use
 * and closed after the test (a strict test fails with its first server-side error, or with the near-miss report
 * of requests that matched no rule), and a failed test's failure lists what the server saw.
 *
 * <p>For extra or differently configured servers (multi-cluster tests), register more with
 * {@code @RegisterExtension static KMockExtension other = KMockExtension.builder().port(0).build();} and reach
 * each through {@link #handler()} and {@link #server()}; those do not resolve parameters. State lives in the
 * test's {@link ExtensionContext.Store}, so tests may run in parallel. Such an extension may also sit on an instance
 * field, built from a parameterized class's constructor arguments: then it serves the tests of that instance.
 *
 * <p>Loading the extension makes KMock's {@link java.net.ProxySelector} the JVM's default (a pass-through while no
 * server intercepts), so that clients built from then on can be intercepted by {@code @KMock(interceptJvm = true)}.
 *
 * @since 0.1
 */
public final class KMockExtension
        implements ParameterResolver,
                BeforeEachCallback,
                AfterEachCallback,
                TestExecutionExceptionHandler,
                TestInstancePreConstructCallback,
                BeforeAllCallback,
                AfterAllCallback {

    static {
        // As early as possible: clients built from now on (in field initialisers, constructors, @BeforeAll) use
        // KMock's selector, a pass-through until a server intercepts JVM-wide.
        JvmInterception.pinSelector();
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KMockExtension.class);
    private static final String JVM_INTERCEPTION = "jvm-interception";

    private final Settings fixed;
    private final ThreadLocal<RunningServer> current = new InheritableThreadLocal<>();
    /**
     * Held by a programmatic extension that intercepts JVM-wide, from build() to afterAll() on a static field, or to
     * the end of each test on an instance field (JUnit calls no class-level callback for those).
     */
    private AutoCloseable preparedByBuilder;
    /** Set by beforeAll(), which JUnit calls for an extension registered on a static field only. */
    private volatile boolean classScoped;

    /** The declarative extension, configured by {@link KMock} and configuration parameters. */
    public KMockExtension() {
        this.fixed = null;
    }

    private KMockExtension(Settings fixed) {
        this.fixed = fixed;
    }

    /** A builder for a programmatically configured extension, to register with {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The handler of the running test, for extensions made by {@link #builder()}. */
    public RawHandler handler() {
        return running().handler();
    }

    /**
     * The handler of the running test as the type it was configured with:
     * {@code emulator.handler(KubernetesEmulator.class).objects()}.
     *
     * @throws ClassCastException when the handler is not of that type (the message names both)
     */
    public <H extends RawHandler> H handler(Class<H> type) {
        RawHandler handler = handler();
        if (!type.isInstance(handler)) {
            throw new ClassCastException(
                    "The running KMock handler is a " + handler.getClass().getName() + ", not a "
                            + type.getName() + ": ask for that type, or configure the extension with .handler("
                            + type.getSimpleName()
                            + ".class)");
        }
        return type.cast(handler);
    }

    /** The server of the running test, for extensions made by {@link #builder()}. */
    public Server server() {
        return running().server();
    }

    /** Prepares JVM-wide interception before the test instance exists, so that its fields' clients are covered. */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
        prepareJvm(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classScoped = true;
        prepareJvm(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        AutoCloseable prepared = context.getStore(NAMESPACE).remove(JVM_INTERCEPTION, AutoCloseable.class);
        if (prepared != null) {
            prepared.close();
        }
        releaseBuilderPreparation();
    }

    /** Installs the JVM-wide selector and trust for a programmatic extension that intercepts, unless it holds them. */
    private synchronized void holdBuilderPreparation() {
        if (preparedByBuilder == null) {
            preparedByBuilder = JvmInterception.prepare();
        }
    }

    private synchronized void releaseBuilderPreparation() throws Exception {
        if (preparedByBuilder != null) {
            preparedByBuilder.close();
            preparedByBuilder = null;
        }
    }

    /** Installs the JVM-wide selector and trust for the whole test class when it intercepts JVM-wide. */
    private void prepareJvm(ExtensionContext context) {
        if (fixed == null && context.getTestMethod().isEmpty() && Settings.interceptJvm(context)) {
            context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(JVM_INTERCEPTION, key -> JvmInterception.prepare(), AutoCloseable.class);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (fixed != null) {
            if (fixed.interceptJvm() && !classScoped) {
                // An instance field's extension: held again when one instance serves several tests (per-class
                // lifecycle), since afterEach released it.
                holdBuilderPreparation();
            }
            RunningServer server =
                    RunningServer.start(fixed.handler() != null ? fixed.handler() : KubernetesEmulator.class, fixed);
            context.getStore(NAMESPACE).put(this, server);
            current.set(server);
            return;
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : Wanted.fields(instance.getClass())) {
                resources(context).inject(instance, field);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        current.remove();
        AutoCloseable resources = context.getStore(NAMESPACE).remove(this, AutoCloseable.class);
        try {
            if (resources != null) {
                resources.close();
            }
        } finally {
            if (fixed != null && !classScoped) {
                releaseBuilderPreparation();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return fixed == null && wanted(parameter) != null;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return resources(context).resolve(wanted(parameter));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Object stored = context.getStore(NAMESPACE).get(this);
        RunningServer server = stored instanceof RunningServer running
                ? running
                : stored instanceof TestResources resources ? resources.startedServer() : null;
        String report = server == null ? null : server.report();
        if (report != null) {
            failure.addSuppressed(new ServerReport(report));
            context.publishReportEntry("kmock", report);
        }
        throw failure;
    }

    /** The test's resources, made on first use with everything its method's parameters and fields ask for. */
    private TestResources resources(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestResources resources = store.get(this, TestResources.class);
        if (resources == null) {
            List<Wanted> declared = new ArrayList<>();
            context.getTestMethod().ifPresent(method -> {
                for (Parameter parameter : method.getParameters()) {
                    Wanted wanted =
                            wanted(parameter.getType(), parameter.isAnnotationPresent(Kubeconfig.class), parameter);
                    if (wanted != null) {
                        declared.add(wanted);
                    }
                }
            });
            context.getTestInstances()
                    .ifPresent(instances -> instances.getAllInstances().forEach(instance -> Wanted.fields(
                                    instance.getClass())
                            .forEach(field -> declared.add(Wanted.of(field)))));
            resources = new TestResources(Settings.of(context), declared);
            store.put(this, resources);
        }
        return resources;
    }

    private static Wanted wanted(ParameterContext parameter) {
        return wanted(
                parameter.getParameter().getType(), parameter.isAnnotated(Kubeconfig.class), parameter.getParameter());
    }

    private static Wanted wanted(Class<?> type, boolean kubeconfig, Parameter parameter) {
        String name = parameter.isNamePresent() ? "parameter '" + parameter.getName() + "'" : "parameter";
        return Wanted.of(type, kubeconfig, name);
    }

    private RunningServer running() {
        RunningServer server = current.get();
        if (server == null) {
            throw new IllegalStateException("No KMock server is running on this thread: handler() and server() work "
                    + "inside a test of the class that registers this extension with @RegisterExtension.");
        }
        return server;
    }

    /** What the server saw, attached to a failed test's exception. */
    static final class ServerReport extends AssertionError {
        private static final long serialVersionUID = 1L;

        ServerReport(String report) {
            super(report);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Options of an extension made with {@link KMockExtension#builder()}. */
    public static final class Builder {
        private Class<? extends RawHandler> handler;
        private int port;
        private String host = "127.0.0.1";
        private List<String> hostnames = List.of();
        private boolean strict;
        private Boolean failOnUnmatched;
        private int limit = -1;
        private String transport;
        private boolean interceptJvm;
        private Controllers controllers;

        private Builder() {}

        /** The handler class; default {@code KubernetesEmulator}. */
        public Builder handler(Class<? extends RawHandler> handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** The port; default 0, an ephemeral one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The interface to bind; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Hosts intercepted by the embedded client. */
        public Builder hostnames(String... hostnames) {
            this.hostnames = Arrays.asList(hostnames);
            return this;
        }

        /** Whether server-side errors fail the test. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Whether requests that matched no rule fail the test; by default it follows {@link #strict(boolean)}. */
        public Builder failOnUnmatched(boolean failOnUnmatched) {
            this.failOnUnmatched = failOnUnmatched;
            return this;
        }

        /** The most requests served. */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** The transport name, {@code jdk} or {@code jetty}. */
        public Builder transport(String transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Whether the hostnames are intercepted JVM-wide (the application's own HTTP clients too). The JVM-wide
         * selector and trust are installed at once by {@link #build()}, so that clients built after the
         * extension's field (static fields below it included) are covered; they are released after the class, or
         * after each test for an extension on an instance field.
         */
        public Builder interceptJvm(boolean interceptJvm) {
            this.interceptJvm = interceptJvm;
            return this;
        }

        /** Simulated controllers and nodes for the emulator (see {@link Controllers}); default none. */
        public Builder controllers(Controllers controllers) {
            this.controllers = Objects.requireNonNull(controllers, "controllers");
            return this;
        }

        /** The extension, to register with {@code @RegisterExtension}. */
        public KMockExtension build() {
            KMockExtension extension = new KMockExtension(new Settings(
                    handler,
                    handler == null ? null : "KMockExtension.builder().handler(…)",
                    port,
                    host,
                    hostnames,
                    strict,
                    failOnUnmatched,
                    limit,
                    transport,
                    interceptJvm,
                    controllers));
            if (interceptJvm) {
                extension.holdBuilderPreparation();
            }
            return extension;
        }
    }
}
