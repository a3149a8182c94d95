/** The JUnit Jupiter extension: a fresh, started mock server per test, configured by {@code @KMock}. */
module kmock.test {
    requires transitive kmock.handlers;
    requires transitive org.junit.jupiter.api;
    // AnnotationSupport finds @KMock on methods, classes, enclosing classes and packages, meta-annotations too.
    requires org.junit.platform.commons;

    exports kmock.test;
}
