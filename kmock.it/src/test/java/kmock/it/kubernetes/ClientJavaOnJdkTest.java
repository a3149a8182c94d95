package kmock.it.kubernetes;

/** client-java against the JDK transport. */
class ClientJavaOnJdkTest extends ClientJavaContract {

    @Override
    String transport() {
        return "jdk";
    }
}
