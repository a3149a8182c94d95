package kmock.bench.driver;

import java.util.List;

/** The contenders, in table order; KMock on the JDK transport is the baseline of every ratio. */
final class Contenders {

    /** A contender: its label, its Maven module under {@code bench/contenders}, and arguments before the command. */
    record Entry(String label, String module, List<String> args, boolean emulator) {
    }

    static final Entry KMOCK_JDK = new Entry("kmock-jdk", "kmock", List.of("jdk"), true);
    static final Entry KMOCK_JETTY = new Entry("kmock-jetty", "kmock", List.of("jetty"), true);
    static final Entry RAW_JDK = new Entry("raw-jdk", "raw-jdk", List.of(), false);
    static final Entry RAW_JETTY = new Entry("raw-jetty", "raw-jetty", List.of(), false);
    static final Entry WIREMOCK = new Entry("wiremock", "wiremock", List.of(), false);
    static final Entry FABRIC8 = new Entry("fabric8", "fabric8", List.of(), true);
    static final Entry OKHTTP = new Entry("mockwebserver3", "okhttp", List.of(), false);

    static final List<Entry> ALL = List.of(KMOCK_JDK, KMOCK_JETTY, RAW_JDK, RAW_JETTY, WIREMOCK, FABRIC8, OKHTTP);

    private Contenders() {
    }
}
