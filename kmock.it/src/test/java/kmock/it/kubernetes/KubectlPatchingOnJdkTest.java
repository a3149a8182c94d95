package kmock.it.kubernetes;

/** kubectl's patching commands against the JDK transport. */
class KubectlPatchingOnJdkTest extends KubectlPatchingContract {

    @Override
    String transport() {
        return "jdk";
    }
}
