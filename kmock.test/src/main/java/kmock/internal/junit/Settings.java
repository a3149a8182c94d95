package kmock.internal.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import kmock.handlers.Controllers;
import kmock.handlers.KubernetesEmulator;
import kmock.handlers.KubernetesScaffold;
import kmock.handlers.RawHandler;
import kmock.test.KMock;

/**
 * The server settings of one test: per attribute, the closest {@link KMock} that sets it (method, class,
 * enclosing classes innermost first, package), then the configuration parameters, then the defaults.
 *
 * @param handler         the configured handler class, or {@code null} when the declared types decide
 * @param handlerSource   where the handler class was configured, for messages ({@code null} when it was not)
 * @param port            the port, 0 for ephemeral
 * @param host            the interface to bind
 * @param hostnames       intercepted hosts
 * @param strict          whether server errors fail the test
 * @param failOnUnmatched whether unmatched requests fail the test, or {@code null} to follow {@code strict}
 * @param limit           the most requests served, or -1
 * @param transport       the transport name, or {@code null} for the preferred one
 * @param interceptJvm    whether the hostnames are intercepted JVM-wide
 * @param controllers     the emulator's simulated controllers, or {@code null} for none
 */
public record Settings(
        Class<? extends RawHandler> handler,
        String handlerSource,
        int port,
        String host,
        List<String> hostnames,
        boolean strict,
        Boolean failOnUnmatched,
        int limit,
        String transport,
        boolean interceptJvm,
        Controllers controllers) {

    /** The configuration parameter naming the handler: a class name or {@code raw|scaffold|emulator}. */
    public static final String HANDLER = "kmock.handler";
    /** The configuration parameter making every test strict. */
    public static final String STRICT = "kmock.strict";
    /** The configuration parameter making unmatched requests fail every test. */
    public static final String FAIL_ON_UNMATCHED = "kmock.failOnUnmatched";
    /** The configuration parameter capping the requests served. */
    public static final String LIMIT = "kmock.limit";
    /** The configuration parameter naming the transport. */
    public static final String TRANSPORT = "kmock.transport";
    /** The configuration parameter intercepting every test's hostnames JVM-wide. */
    public static final String INTERCEPT_JVM = "kmock.interceptJvm";
    /** The configuration parameter naming the emulator's controllers ({@code *}, {@code deployment,replicaset}, {@code none}). */
    public static final String CONTROLLERS = "kmock.controllers";

    /** The settings for the test of this context. */
    public static Settings of(ExtensionContext context) {
        List<KMock> scopes = scopes(context);
        Optional<KMock> handlerScope =
                scopes.stream().filter(k -> k.handler() != KMock.Unset.class).findFirst();
        Class<? extends RawHandler> handler = handlerScope
                .<Class<? extends RawHandler>>map(KMock::handler)
                .orElseGet(() -> context.getConfigurationParameter(HANDLER)
                        .map(Settings::handlerClass)
                        .orElse(null));
        String handlerSource = handlerScope
                .map(k -> "@KMock(handler = " + k.handler().getSimpleName() + ".class)")
                .orElseGet(() -> context.getConfigurationParameter(HANDLER)
                        .map(v -> HANDLER + "=" + v)
                        .orElse(null));
        int port = closest(scopes, KMock::port, p -> p >= 0).orElse(0);
        String host = closest(scopes, KMock::host, h -> !h.isEmpty()).orElse("127.0.0.1");
        List<String> hostnames = closest(scopes, (KMock k) -> Arrays.asList(k.hostnames()), h -> !h.isEmpty())
                .orElse(List.of());
        boolean strict = closest(scopes, Settings::strictness, s -> s != KMock.Switch.INHERIT)
                .map(s -> s == KMock.Switch.ON)
                .orElseGet(() -> context.getConfigurationParameter(STRICT)
                        .map(Boolean::parseBoolean)
                        .orElse(false));
        Boolean failOnUnmatched = closest(scopes, KMock::failOnUnmatched, s -> s != KMock.Switch.INHERIT)
                .map(s -> s == KMock.Switch.ON)
                .orElseGet(() -> context.getConfigurationParameter(FAIL_ON_UNMATCHED)
                        .map(Boolean::parseBoolean)
                        .orElse(null));
        int limit = closest(scopes, KMock::limit, l -> l >= 0).orElseGet(() -> context.getConfigurationParameter(LIMIT)
                .map(v -> parseInt(LIMIT, v))
                .orElse(-1));
        String transport = closest(scopes, KMock::transport, t -> !t.isEmpty())
                .orElseGet(() -> context.getConfigurationParameter(TRANSPORT).orElse(null));
        Controllers controllers = closest(scopes, (KMock k) -> Arrays.asList(k.controllers()), c -> !c.isEmpty())
                .map(names -> controllers(names, "@KMock(controllers = " + names + ")"))
                .orElseGet(() -> context.getConfigurationParameter(CONTROLLERS)
                        .map(value -> controllers(List.of(value.split(",")), CONTROLLERS + "=" + value))
                        .orElse(null));
        return new Settings(
                handler,
                handlerSource,
                port,
                host,
                hostnames,
                strict,
                failOnUnmatched,
                limit,
                transport,
                interceptJvm(context, scopes),
                controllers);
    }

    /** Controllers by name, or {@code null} for {@code none}. */
    private static Controllers controllers(List<String> names, String source) {
        if (names.size() == 1 && names.get(0).trim().equals("none")) {
            return null;
        }
        try {
            return Controllers.of(names.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(source + ": " + e.getMessage() + ", or 'none'", e);
        }
    }

    /** Whether a test (or, from a class context, a test class) intercepts JVM-wide. */
    public static boolean interceptJvm(ExtensionContext context) {
        return interceptJvm(context, scopes(context));
    }

    private static boolean interceptJvm(ExtensionContext context, List<KMock> scopes) {
        return closest(
                        scopes,
                        scope -> switched(
                                scope.interceptJvm(), scope.jvmInterception(), "interceptJvm", "jvmInterception"),
                        on -> on != KMock.Switch.INHERIT)
                .map(on -> on == KMock.Switch.ON)
                .orElseGet(() -> context.getConfigurationParameter(INTERCEPT_JVM)
                        .map(Boolean::parseBoolean)
                        .orElse(false));
    }

    /** Strict as one switch: {@code strictness} when set, else {@code strict = true} is on. */
    private static KMock.Switch strictness(KMock scope) {
        return switched(scope.strict(), scope.strictness(), "strict", "strictness");
    }

    /**
     * An on/off attribute of one scope as a switch: its explicit {@link KMock.Switch} form when set, else its boolean
     * form, where {@code true} is on and {@code false} is "not set here".
     */
    private static KMock.Switch switched(boolean on, KMock.Switch explicit, String flag, String form) {
        if (on && explicit == KMock.Switch.OFF) {
            throw new ExtensionConfigurationException("@KMock(" + flag + " = true, " + form
                    + " = Switch.OFF) contradicts " + "itself: keep one of the two");
        }
        return explicit != KMock.Switch.INHERIT ? explicit : on ? KMock.Switch.ON : KMock.Switch.INHERIT;
    }

    /** A handler class from a configuration value: a short name or a fully-qualified class name. */
    public static Class<? extends RawHandler> handlerClass(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "raw":
                return RawHandler.class;
            case "scaffold":
                return KubernetesScaffold.class;
            case "emulator":
                return KubernetesEmulator.class;
            default:
                break;
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type =
                    Class.forName(value.trim(), false, loader == null ? Settings.class.getClassLoader() : loader);
            if (!RawHandler.class.isAssignableFrom(type)) {
                throw new ExtensionConfigurationException(HANDLER + "=" + value + " is not a RawHandler subclass");
            }
            return type.asSubclass(RawHandler.class);
        } catch (ClassNotFoundException e) {
            throw new ExtensionConfigurationException(
                    HANDLER + "=" + value + ": no such class; use raw, scaffold, "
                            + "emulator or a fully-qualified RawHandler subclass name",
                    e);
        }
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException(key + "=" + value + " is not a whole number", e);
        }
    }

    private static List<KMock> scopes(ExtensionContext context) {
        List<AnnotatedElement> elements = new ArrayList<>();
        context.getTestMethod().ifPresent(elements::add);
        Optional<Class<?>> testClass = context.getTestClass();
        for (Class<?> type = testClass.orElse(null); type != null; type = type.getEnclosingClass()) {
            elements.add(type);
        }
        testClass.map(Class::getPackage).ifPresent(elements::add);
        List<KMock> found = new ArrayList<>();
        for (AnnotatedElement element : elements) {
            AnnotationSupport.findAnnotation(element, KMock.class).ifPresent(found::add);
        }
        return found;
    }

    private static <T> Optional<T> closest(List<KMock> scopes, Function<KMock, T> attribute, Predicate<T> isSet) {
        return scopes.stream().map(attribute).filter(isSet).findFirst();
    }
}
