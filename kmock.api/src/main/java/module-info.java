/**
 * The core contract of KMock: handlers, requests, responses, servers, the embedded client,
 * and the transport SPI. Depends on the JDK only.
 */
module kmock.api {
    exports kmock.api;
    exports kmock.spi;

    // Internals shared with the friend modules that implement transports and handlers.
    exports kmock.internal.json to
            kmock.handlers,
            kmock.protobuf;
    exports kmock.internal.http to
            kmock.handlers,
            kmock.transport.jdk,
            kmock.transport.jetty;
    exports kmock.internal.client to
            kmock.transport.jdk,
            kmock.transport.jetty;
    exports kmock.internal.k8s.requests to
            kmock.handlers;
    exports kmock.internal.tls to
            kmock.handlers,
            kmock.cli;
    exports kmock.internal.intercept to
            kmock.test;

    uses kmock.spi.Transport;
    uses kmock.spi.JsonCodec;
}
