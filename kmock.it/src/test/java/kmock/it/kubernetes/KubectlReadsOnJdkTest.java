package kmock.it.kubernetes;

/** kubectl's reads against the JDK transport. */
class KubectlReadsOnJdkTest extends KubectlReadsContract {

    @Override
    String transport() {
        return "jdk";
    }
}
