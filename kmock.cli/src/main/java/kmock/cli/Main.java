package kmock.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import kmock.internal.cli.FetchResourcesCommand;
import kmock.internal.cli.ServeCommand;
import kmock.internal.cli.UsageException;

/**
 * The standalone tool, {@code java -jar kmock.jar}: {@code serve} runs a Kubernetes emulator (or another handler)
 * until interrupted; {@code fetch resources} dumps a real cluster's discovery for {@code --resources FILE}.
 * Exit codes: 0 done, 1 failed, 2 bad command line.
 *
 * @since 0.1
 */
public final class Main {

    private static final String USAGE = String.join(
            "\n",
            "usage: java -jar kmock.jar COMMAND [FLAGS]",
            "commands:",
            ServeCommand.USAGE,
            FetchResourcesCommand.USAGE);

    private Main() {}

    /** Runs a command and exits with its code. */
    public static void main(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        // On SIGTERM or Ctrl-C the JVM runs this hook and halts when it returns: wait for serve to close first.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                done.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "kmock-shutdown"));
        int code = run(Arrays.asList(args), System.out, System.err, stop);
        done.countDown();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a command; {@code serve} returns when {@code stop} opens. Returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err, CountDownLatch stop) {
        try {
            if (args.isEmpty()) {
                err.println(USAGE);
                return 2;
            }
            if (args.get(0).equals("help") || args.contains("--help") || args.contains("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (args.get(0).equals("serve")) {
                ServeCommand.run(args.subList(1, args.size()), out, err, stop);
                return 0;
            }
            if (args.get(0).equals("fetch") && args.size() >= 2 && args.get(1).equals("resources")) {
                FetchResourcesCommand.run(args.subList(2, args.size()), out, err);
                return 0;
            }
            throw new UsageException(
                    "unknown command '" + String.join(" ", args.subList(0, Math.min(2, args.size()))) + "'");
        } catch (UsageException e) {
            err.println("kmock: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("kmock: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }
}
