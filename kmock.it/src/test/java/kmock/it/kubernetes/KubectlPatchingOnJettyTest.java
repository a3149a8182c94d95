package kmock.it.kubernetes;

/** kubectl's patching commands against the Jetty transport. */
class KubectlPatchingOnJettyTest extends KubectlPatchingContract {

    @Override
    String transport() {
        return "jetty";
    }
}
