/** The transport on the JDK alone: {@code com.sun.net.httpserver} for the server, {@code java.net.http} for the client. */
module kmock.transport.jdk {
    requires kmock.api;
    requires jdk.httpserver;
    requires java.net.http;

    provides kmock.spi.Transport with
            kmock.transport.jdk.JdkTransport;
}
