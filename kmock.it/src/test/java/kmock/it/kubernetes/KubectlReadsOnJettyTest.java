package kmock.it.kubernetes;

/** kubectl's reads against the Jetty transport. */
class KubectlReadsOnJettyTest extends KubectlReadsContract {

    @Override
    String transport() {
        return "jetty";
    }
}
