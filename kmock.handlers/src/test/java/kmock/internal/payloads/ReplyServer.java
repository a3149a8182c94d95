package kmock.internal.payloads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Assumptions;

import kmock.api.Client;
import kmock.api.Handler;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;
import kmock.internal.sinks.Sinks;
import kmock.internal.streams.LiveHub;

/**
 * A real server on loopback that answers from responders the way the DSL will: the first responder that is not
 * depleted answers, a depleted one retires for good, a failing payload is answered 500 and recorded, and no
 * responder left means 404. Sinks (if any) see every request first.
 */
public final class ReplyServer implements AutoCloseable {

    private final LiveHub hub;
    private final List<Responder> chain;
    private final Map<String, Responder> byPath;
    private final Sinks sinks;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final Server server;

    private ReplyServer(
            String transport, LiveHub hub, Sinks sinks, Map<String, Responder> byPath, Responder... responders) {
        this.hub = hub;
        this.sinks = sinks;
        this.byPath = byPath;
        this.chain = new CopyOnWriteArrayList<>(Arrays.asList(responders));
        requireTransport(transport);
        Handler handler = this::handle;
        Server started;
        try {
            started = Server.builder(handler).transport(transport).start();
        } catch (IllegalStateException absent) {
            Assumptions.abort("transport '" + transport + "' is not on the test path: " + absent.getMessage());
            throw absent;
        }
        this.server = started;
    }

    /** Skips the calling test when {@code -Dkmock.test.transports=..} is set and does not name the transport. */
    public static void requireTransport(String transport) {
        String only = System.getProperty("kmock.test.transports");
        if (only != null && !only.isBlank() && !List.of(only.split(",")).contains(transport)) {
            Assumptions.abort("transport '" + transport + "' is not in -Dkmock.test.transports=" + only);
        }
    }

    /** Serves the responders in order; their live streams listen to the given hub. */
    public static ReplyServer start(String transport, LiveHub hub, Responder... responders) {
        return new ReplyServer(transport, hub, null, Map.of(), responders);
    }

    /** Serves one responder with a hub of its own. */
    public static ReplyServer start(String transport, Responder responder) {
        return new ReplyServer(transport, new LiveHub(), null, Map.of(), responder);
    }

    /** Answers each path from its own responder (404 for other paths); all listen to the given hub. */
    public static ReplyServer byPath(String transport, LiveHub hub, Map<String, Responder> responders) {
        return new ReplyServer(transport, hub, null, Map.copyOf(responders));
    }

    /** Delivers every request to the sinks, then answers 200 with an empty body. */
    public static ReplyServer sinking(String transport, Sinks sinks) {
        return new ReplyServer(transport, new LiveHub(), sinks, Map.of());
    }

    private Response handle(Request request) {
        try {
            if (sinks != null) {
                sinks.accept(request);
                return Response.of(200);
            }
        } catch (Exception failure) {
            return fail(failure);
        }
        Responder routed = byPath.get(request.path());
        if (routed != null) {
            try {
                return routed.respond(request, errors::add);
            } catch (Exception failure) {
                return fail(failure);
            }
        }
        for (Responder responder : chain) {
            try {
                return responder.respond(request, errors::add);
            } catch (NoSuchElementException depleted) {
                chain.remove(responder);
            } catch (Exception failure) {
                return fail(failure);
            }
        }
        return Response.of(404);
    }

    private Response fail(Exception failure) {
        errors.add(failure);
        return Response.of(
                500, (failure.getClass().getName() + ": " + failure.getMessage()).getBytes(StandardCharsets.UTF_8));
    }

    /** The embedded client. */
    public Client client() {
        return server.client();
    }

    /** The hub the responders' live streams listen to. */
    public LiveHub hub() {
        return hub;
    }

    /** Server-side failures: failing payloads and failures inside streams. */
    public List<Throwable> errors() {
        return errors;
    }

    /** How many responders are not retired yet. */
    public int active() {
        return chain.size();
    }

    @Override
    public void close() {
        server.close();
    }
}
