package kmock.it.kubernetes;

/** client-java's server-side apply against the Jetty transport. */
class ClientJavaServerSideApplyOnJettyTest extends ClientJavaServerSideApplyContract {

    @Override
    String transport() {
        return "jetty";
    }
}
