package kmock.it.kubernetes;

/** client-java's server-side apply against the Jdk transport. */
class ClientJavaServerSideApplyOnJdkTest extends ClientJavaServerSideApplyContract {

    @Override
    String transport() {
        return "jdk";
    }
}
