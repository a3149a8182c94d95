package kmock.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import kmock.handlers.RawHandler;

/**
 * Configures the server of {@link KMockTest} tests, on a method, its class, enclosing classes or a
 * {@code package-info.java}; per attribute the closest one that sets it wins, then the configuration parameters
 * {@code kmock.handler}, {@code kmock.strict}, {@code kmock.failOnUnmatched}, {@code kmock.limit},
 * {@code kmock.transport}, {@code kmock.interceptJvm}, {@code kmock.controllers} (for example in {@code junit-platform.properties}), then the
 * defaults. Each attribute's default means "not set here"; on/off attributes have a {@link Switch} form, so that a
 * nearer scope can switch off what an outer one switched on.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface KMock {

    /**
     * The handler class. Unset, the declared types decide: the most specific handler type among the test's
     * parameters and fields ({@code RawHandler kmock} gets a {@code RawHandler}), else {@code KubernetesEmulator};
     * an injected Kubernetes client asks for at least a {@code KubernetesEmulator}.
     */
    Class<? extends RawHandler> handler() default Unset.class;

    /** The port; unset ({@code -1}) means an ephemeral one. */
    int port() default -1;

    /** The interface to bind; unset ({@code ""}) means {@code 127.0.0.1}. */
    String host() default "";

    /** Hosts intercepted by the embedded client ({@code "google.com"}, {@code "google.com:80"}); unset when empty. */
    String[] hostnames() default {};

    /**
     * Whether server-side errors (and, unless {@link #failOnUnmatched()} says otherwise, requests that matched no
     * rule) fail the test at teardown; {@code true} is {@code strictness = Switch.ON}. An annotation cannot tell an
     * explicit {@code false} from the default, so switching off an outer strict takes {@link #strictness()}.
     */
    boolean strict() default false;

    /** The explicit form of {@link #strict()}: {@code OFF} switches off a strict set at an outer scope or by configuration. */
    Switch strictness() default Switch.INHERIT;

    /** Whether a request that matched no rule fails the test at teardown, with its near-miss report; unset, it follows strict. */
    Switch failOnUnmatched() default Switch.INHERIT;

    /** The most requests served; unset ({@code -1}) means no limit. */
    int limit() default -1;

    /** The transport, {@code jdk} or {@code jetty}; unset ({@code ""}) means the preferred one present. */
    String transport() default "";

    /**
     * Whether the {@link #hostnames()} are intercepted JVM-wide, for the application's own HTTP clients (through
     * the default {@code ProxySelector}, with the KMock CA trusted by the default SSL contexts while the server
     * runs); {@code true} is {@code jvmInterception = Switch.ON}, and switching it off at a nearer scope takes
     * {@link #jvmInterception()}. On a class, clients built in field initialisers, constructors and
     * {@code @BeforeAll} methods are covered too.
     */
    boolean interceptJvm() default false;

    /** The explicit form of {@link #interceptJvm()}: {@code OFF} switches off an outer scope's interception. */
    Switch jvmInterception() default Switch.INHERIT;

    /**
     * Simulated controllers and nodes for the emulator, so that Deployments roll out, pods run and Jobs complete
     * (see {@code kmock.handlers.Controllers}): names in kube-controller-manager's notation ({@code "*"} for all,
     * {@code "deployment"}, {@code "-cronjob"}), or {@code "none"} to switch off an outer scope's; unset when empty.
     * They run in the background, so real clients see a cluster that moves; {@code kmock.settle()} waits for them.
     */
    String[] controllers() default {};

    /** An on/off attribute that a nearer scope can set back: {@code INHERIT} (not set here), {@code ON}, {@code OFF}. */
    enum Switch {
        /** Not set here: an outer scope, the configuration or the default decides. */
        INHERIT,
        /** On, whatever outer scopes say. */
        ON,
        /** Off, whatever outer scopes say. */
        OFF
    }

    /** The "not set here" marker of {@link #handler()}; never instantiated. */
    final class Unset extends RawHandler {
        private Unset() {}
    }
}
