package kmock.it.transport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one way this module's tests run on both transports: the class runs once per transport, with the transport
 * name as its constructor's first argument, which builds the {@code KMockExtension} that the class registers on an
 * instance field, or in a field annotated {@code @Parameter} for classes that start servers themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"jdk", "jetty"})
public @interface BothTransports {}
