package kmock.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link java.nio.file.Path} parameter or field of a {@link KMockTest} test as a kubeconfig file for the
 * test's emulator (its URL, namespace {@code default}, current context {@code kmock}), for tools and clients that
 * read one: {@code void deploys(@Kubeconfig Path kubeconfig)}. Written before the test, deleted after it.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Kubeconfig {}
