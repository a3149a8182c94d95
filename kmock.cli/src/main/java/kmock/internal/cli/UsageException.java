package kmock.internal.cli;

/** A command line that cannot be run as given: printed with the usage text, exit code 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
