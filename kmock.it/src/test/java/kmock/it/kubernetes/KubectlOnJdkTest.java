package kmock.it.kubernetes;

/** kubectl against the JDK transport. */
class KubectlOnJdkTest extends KubectlContract {

    @Override
    String transport() {
        return "jdk";
    }
}
