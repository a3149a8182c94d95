/** The transport on Jetty 12: core handlers (no servlets) for the server, Jetty's {@code HttpClient} for the client. */
module kmock.transport.jetty {
    requires kmock.api;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.client;

    provides kmock.spi.Transport with
            kmock.transport.jetty.JettyTransport;
}
