package kmock.it.kubernetes;

/** kubectl against the Jetty transport. */
class KubectlOnJettyTest extends KubectlContract {

    @Override
    String transport() {
        return "jetty";
    }
}
