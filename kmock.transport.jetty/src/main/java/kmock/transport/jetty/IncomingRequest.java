package kmock.transport.jetty;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/** Reads a Jetty request into a kmock {@link kmock.api.Request}: the URL as the client asked for it, headers, body. */
final class IncomingRequest {

    private IncomingRequest() {}

    /** The request target cannot be read as a URI; answered {@code 400}. */
    static final class BadTarget extends Exception {
        private static final long serialVersionUID = 1L;

        BadTarget(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads the whole request, blocking on the body.
     *
     * @throws BadTarget           when the URL does not parse (bad percent-encoding, illegal characters)
     * @throws RequestBody.TooLarge when the body is over {@code maxBody} bytes
     * @throws IOException          when the client fails while sending the body
     */
    static kmock.api.Request read(Request request, long maxBody) throws BadTarget, RequestBody.TooLarge, IOException {
        return head(request).body(RequestBody.read(request, maxBody)).build();
    }

    /** Reads a request that declares no body, without touching its content. @throws BadTarget as {@link #read} */
    static kmock.api.Request withoutBody(Request request) throws BadTarget {
        return head(request).build();
    }

    /** The method, URL, headers and client certificates. */
    private static kmock.api.Request.Builder head(Request request) throws BadTarget {
        URI url = url(request.getHttpURI());
        kmock.api.Request.Builder builder =
                kmock.api.Request.builder().method(request.getMethod()).url(url);
        for (HttpField field : request.getHeaders()) {
            builder.header(field.getName(), field.getValue() == null ? "" : field.getValue());
        }
        if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData tls
                && tls.peerCertificates() != null) {
            builder.clientCertificates(List.of(tls.peerCertificates()));
        }
        return builder;
    }

    /**
     * The absolute URL: Jetty has already put the authority of an absolute-form target, else of the Host header,
     * into the URI, and keeps the path and query raw (still percent-encoded).
     */
    static URI url(HttpURI uri) throws BadTarget {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String text = scheme + "://" + uri.getAuthority() + TargetText.lenient(path)
                + (uri.getQuery() == null ? "" : "?" + TargetText.lenient(uri.getQuery()));
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new BadTarget("Bad request target: " + e.getMessage(), e);
        }
    }
}
