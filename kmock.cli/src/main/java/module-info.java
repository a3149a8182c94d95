/** The standalone server ({@code kmock.jar serve}) and the discovery dump ({@code kmock.jar fetch resources}). */
module kmock.cli {
    requires kmock.handlers;
    // Kubeconfigs are YAML (manifests are read by kmock.handlers).
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    // fetch resources talks to real clusters (TLS, client certificates) with the JDK's client.
    requires java.net.http;

    exports kmock.cli;
}
