package kmock.transport.jetty;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

import kmock.api.Interception;

/**
 * Resolves intercepted hosts (at the request's port) to the local server and every other host as usual, so the
 * Jetty client connects to the server while the URL and the Host header stay the ones the caller wrote.
 */
final class InterceptingResolver implements SocketAddressResolver {

    private final Interception interception;
    private final SocketAddressResolver network;

    InterceptingResolver(Interception interception, SocketAddressResolver network) {
        this.interception = interception;
        this.network = network;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        if (interception.intercepts(host, port)) {
            promise.succeeded(List.of(interception.target()));
        } else {
            network.resolve(host, port, context, promise);
        }
    }

    @Override
    public String toString() {
        return "InterceptingResolver[" + interception + "]";
    }
}
