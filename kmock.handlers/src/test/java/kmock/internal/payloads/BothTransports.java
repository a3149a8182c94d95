package kmock.internal.payloads;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs a test class once per transport, with the transport name in its {@code @Parameter} field; a transport that
 * is not on the test path skips its run (see {@link ReplyServer#start}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"jdk", "jetty"})
public @interface BothTransports {
}
