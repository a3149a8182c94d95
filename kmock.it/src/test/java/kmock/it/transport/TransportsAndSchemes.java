package kmock.it.transport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kmock.api.Server;

/**
 * Runs a contract class once per transport and scheme (HTTP, and HTTPS with the KMock CA), with the transport
 * name in the field annotated {@code @Parameter(0)} and the scheme in {@code @Parameter(1)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0} {1}")
@MethodSource("kmock.it.transport.TransportsAndSchemes$Matrix#all")
public @interface TransportsAndSchemes {

    /** The four combinations, and the builder setting for each. */
    final class Matrix {
        private Matrix() {}

        static Stream<Arguments> all() {
            return Stream.of("jdk", "jetty")
                    .flatMap(transport -> Stream.of(Arguments.of(transport, "http"), Arguments.of(transport, "https")));
        }

        /** A builder on that transport, serving HTTPS when the scheme says so. */
        static Server.Builder on(Server.Builder builder, String transport, String scheme) {
            builder.transport(transport);
            return scheme.equals("https") ? builder.https() : builder;
        }
    }
}
