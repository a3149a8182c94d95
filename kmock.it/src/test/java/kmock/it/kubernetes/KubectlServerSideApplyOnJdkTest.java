package kmock.it.kubernetes;

/** kubectl's server-side apply against the Jdk transport. */
class KubectlServerSideApplyOnJdkTest extends KubectlServerSideApplyContract {

    @Override
    String transport() {
        return "jdk";
    }
}
