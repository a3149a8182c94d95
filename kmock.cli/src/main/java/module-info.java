/** The standalone server ({@code kmock.jar serve}) and the discovery dump ({@code kmock.jar fetch resources}). */
module kmock.cli {
    requires kmock.handlers;
}
