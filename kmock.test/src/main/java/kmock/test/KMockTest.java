package kmock.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class (or method) with {@link KMockExtension}: each test may take a {@code KubernetesEmulator},
 * {@code KubernetesScaffold}, {@code RawHandler} or {@code Server} parameter, a fresh handler with a started
 * server, closed after the test. Configure it with {@link KMock}.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(KMockExtension.class)
public @interface KMockTest {}
