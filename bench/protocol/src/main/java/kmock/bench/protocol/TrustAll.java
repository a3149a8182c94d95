package kmock.bench.protocol;

import java.net.Socket;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** TLS sockets for the bench's own GET: fresh sessions, no certificate checks. */
final class TrustAll implements X509TrustManager {

    private TrustAll() {
    }

    static Socket socket(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS"); // per call: no session resumption across servers
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        return context.getSocketFactory().createSocket("127.0.0.1", port);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
