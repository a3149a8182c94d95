package kmock.handlers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one way this module's tests run on both transports: the class runs once per transport, with the transport
 * name in its {@code @Parameter} field. A transport that is not on the test path, or not named by
 * {@code -Dkmock.test.transports=..}, skips its run (see {@code ReplyServer} and {@code Served}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"jdk", "jetty"})
public @interface BothTransports {}
