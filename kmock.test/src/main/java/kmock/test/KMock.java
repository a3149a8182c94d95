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
 * {@code kmock.handler}, {@code kmock.strict}, {@code kmock.limit}, {@code kmock.transport}, {@code kmock.interceptJvm} (for example in
 * {@code junit-platform.properties}), then the defaults. Each attribute's default means "not set here".
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface KMock {

    /** The handler class; default {@code KubernetesEmulator} (or the parameter's own type when it names one). */
    Class<? extends RawHandler> handler() default Unset.class;

    /** The port; unset ({@code -1}) means an ephemeral one. */
    int port() default -1;

    /** The interface to bind; unset ({@code ""}) means {@code 127.0.0.1}. */
    String host() default "";

    /** Hosts intercepted by the embedded client ({@code "google.com"}, {@code "google.com:80"}); unset when empty. */
    String[] hostnames() default {};

    /**
     * Whether server-side errors fail the test at teardown. Sticky: {@code true} at any level (or
     * {@code kmock.strict=true}) makes the test strict, since an annotation cannot tell an explicit
     * {@code false} from the default.
     */
    boolean strict() default false;

    /** The most requests served; unset ({@code -1}) means no limit. */
    int limit() default -1;

    /** The transport, {@code jdk} or {@code jetty}; unset ({@code ""}) means the preferred one present. */
    String transport() default "";

    /**
     * Whether the {@link #hostnames()} are intercepted JVM-wide, for the application's own HTTP clients (through
     * the default {@code ProxySelector}, with the KMock CA trusted by the default SSL contexts while the server
     * runs). Sticky like {@link #strict()}. On a class, clients built in field initialisers, constructors and
     * {@code @BeforeAll} methods are covered too.
     */
    boolean interceptJvm() default false;

    /** The "not set here" marker of {@link #handler()}; never instantiated. */
    final class Unset extends RawHandler {
        private Unset() {
        }
    }
}
