package kmock.it.kubernetes;

/** kubectl's server-side apply against the Jetty transport. */
class KubectlServerSideApplyOnJettyTest extends KubectlServerSideApplyContract {

    @Override
    String transport() {
        return "jetty";
    }
}
