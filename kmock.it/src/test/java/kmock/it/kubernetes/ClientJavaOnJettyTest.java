package kmock.it.kubernetes;

/** client-java against the Jetty transport. */
class ClientJavaOnJettyTest extends ClientJavaContract {

    @Override
    String transport() {
        return "jetty";
    }
}
