/** The JUnit Jupiter extension: a fresh, started mock server per test. */
module kmock.test {
    requires transitive kmock.handlers;
    requires transitive org.junit.jupiter.api;
}
