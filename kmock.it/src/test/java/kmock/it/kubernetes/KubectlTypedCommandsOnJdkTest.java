package kmock.it.kubernetes;

/** kubectl's typed commands against the JDK transport. */
class KubectlTypedCommandsOnJdkTest extends KubectlTypedCommandsContract {

    @Override
    String transport() {
        return "jdk";
    }
}
