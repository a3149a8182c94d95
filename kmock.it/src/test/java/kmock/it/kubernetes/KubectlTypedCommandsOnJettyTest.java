package kmock.it.kubernetes;

/** kubectl's typed commands against the Jetty transport. */
class KubectlTypedCommandsOnJettyTest extends KubectlTypedCommandsContract {

    @Override
    String transport() {
        return "jetty";
    }
}
