package kmock.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import kmock.api.Handler;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;
import kmock.handlers.Controllers;
import kmock.handlers.KubernetesEmulator;
import kmock.handlers.KubernetesScaffold;
import kmock.handlers.RawHandler;

/**
 * {@code serve}: runs a handler on a port until interrupted, printing exactly one {@code Listening on URL} line on
 * standard output once connections are accepted; everything else goes to standard error.
 */
public final class ServeCommand {

    /** The flags and what they do, for the usage text. */
    public static final String USAGE = String.join(
            "\n",
            "  serve [--host 127.0.0.1] [--port 12345] [--handler emulator|scaffold|raw]",
            "        [--resources bundled|none|FILE]... [--objects FILE]... [--verbose]",
            "        [--tls] [--kubeconfig FILE] [--token NAME=TOKEN]... [--controllers [LIST]] [--nodes N]",
            "      Serves until interrupted (Ctrl-C, SIGTERM). Port 0 picks a free port.",
            "      --tls: HTTPS with a certificate of a KMock CA made at start (the kubeconfig carries the CA).",
            "      --kubeconfig: writes a kubeconfig for the server once it is up (with --tls: the CA and an",
            "        admin client certificate); use it with KUBECONFIG=FILE kubectl ... and no insecure flags.",
            "      --token: a static bearer token of a user; any --token switches authentication on (401",
            "        without a valid token or KMock client certificate).",
            "      --resources: the resource catalog (default: bundled); FILE is what 'fetch resources' writes.",
            "      --objects: YAML/JSON manifests to preload (multi-document YAML and kind: List allowed).",
            "      --controllers: simulated controllers and nodes, so that Deployments roll out, pods run, Jobs",
            "        complete and namespaces clean up; LIST as kube-controller-manager's --controllers (default '*'):",
            "        " + String.join(",", Controllers.NAMES) + ";",
            "        '*' for all, '-name' to leave one out, e.g. --controllers '*,-cronjob'.",
            "      --nodes: how many simulated nodes (node-1, node-2, ...) with --controllers (default 1).",
            "      --verbose: one line per request on standard error.",
            "      --warmup: serves a few typical requests to itself and exits: the training run of a class-data",
            "        sharing archive (java -XX:ArchiveClassesAtExit=kmock.jsa -jar kmock.jar serve --warmup; ./kmock",
            "        makes and uses one), which makes later starts faster.");

    private ServeCommand() {}

    /** Runs until {@code stop} opens. */
    public static void run(List<String> args, PrintStream out, PrintStream err, CountDownLatch stop) throws Exception {
        Arguments flags = Arguments.parse(
                args,
                Set.of("host", "port", "handler", "resources", "objects", "kubeconfig", "token", "nodes"),
                Set.of("verbose", "tls", "warmup"),
                Set.of("controllers"),
                Map.of("p", "port", "v", "verbose"));
        String kind = flags.get("handler", "emulator");
        if ((flags.has("controllers") || flags.has("nodes")) && !kind.equals("emulator")) {
            throw new UsageException(
                    "--controllers and --nodes need --handler emulator: only the emulator keeps objects to move");
        }
        if (flags.has("nodes") && !flags.has("controllers")) {
            throw new UsageException("--nodes needs --controllers: nodes are simulated by the kubelet controller");
        }
        RawHandler handler =
                switch (kind) {
                    case "emulator" ->
                        flags.has("controllers")
                                ? KubernetesEmulator.builder()
                                        .controllers(controllers(flags))
                                        .build()
                                : new KubernetesEmulator();
                    case "scaffold" -> new KubernetesScaffold();
                    case "raw" -> new RawHandler();
                    default ->
                        throw new UsageException("--handler must be emulator, scaffold or raw, got '" + kind + "'");
                };
        try (handler) {
            configure(handler, flags);
            Handler served = flags.has("verbose") ? logging(handler, err) : handler;
            Server.Builder builder =
                    Server.builder(served).host(flags.get("host", "127.0.0.1")).port(flags.port("port", 12345));
            if (flags.has("tls")) {
                builder.https();
            }
            try (Server server = builder.start()) {
                String kubeconfig = flags.get("kubeconfig", null);
                if (kubeconfig != null) {
                    writeKubeconfig(
                            (KubernetesScaffold) handler,
                            flags,
                            Path.of(kubeconfig).toAbsolutePath());
                }
                out.println("Listening on " + server.url());
                out.flush();
                if (flags.has("warmup")) {
                    Warmup.run(handler);
                    return;
                }
                stop.await();
                err.println("Stopping " + server.url());
            }
        }
    }

    private static void configure(RawHandler handler, Arguments flags) throws Exception {
        boolean kubernetes = handler instanceof KubernetesScaffold;
        if (!kubernetes
                && (flags.has("resources") || flags.has("objects") || flags.has("kubeconfig") || flags.has("token"))) {
            throw new UsageException(
                    "--resources, --objects, --kubeconfig and --token need --handler emulator or scaffold");
        }
        if (!kubernetes) {
            return;
        }
        KubernetesScaffold scaffold = (KubernetesScaffold) handler;
        for (String token : flags.all("token")) {
            int eq = token.indexOf('=');
            if (eq <= 0 || eq == token.length() - 1) {
                throw new UsageException("--token " + token + ": give NAME=TOKEN, such as --token alice=s3cret");
            }
            scaffold.users()
                    .token(token.substring(0, eq), token.substring(eq + 1))
                    .required(true);
        }
        List<String> sources = flags.all("resources").isEmpty() ? List.of("bundled") : flags.all("resources");
        for (String source : sources) {
            switch (source) {
                case "bundled" -> scaffold.resources().loadBundled();
                case "none" -> {}
                default -> {
                    Path file = Path.of(source);
                    if (!Files.isRegularFile(file)) {
                        throw new UsageException("--resources " + source + ": no such file (or use bundled, none)");
                    }
                    scaffold.resources().loadPath(file);
                }
            }
        }
        if (!flags.all("objects").isEmpty() && !(handler instanceof KubernetesEmulator)) {
            throw new UsageException("--objects needs --handler emulator: the scaffold stores no objects");
        }
        if (handler instanceof KubernetesEmulator emulator
                && scaffold.resources().contains("v1/namespaces")
                && !emulator.objects().contains("v1/namespaces", null, "default")) {
            // Every cluster has it, and kubectl's commands default to it.
            emulator.objects()
                    .put(
                            "v1/namespaces",
                            null,
                            "default",
                            Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "default")));
        }
        if (handler instanceof KubernetesEmulator emulator
                && scaffold.resources().contains("v1/serviceaccounts")) {
            // Its namespace's default service account, which a cluster's controller creates (kubectl create token
            // default).
            emulator.objects()
                    .put(
                            "v1/serviceaccounts",
                            "default",
                            "default",
                            Map.of(
                                    "apiVersion",
                                    "v1",
                                    "kind",
                                    "ServiceAccount",
                                    "metadata",
                                    Map.of("name", "default", "namespace", "default")));
        }
        for (String file : flags.all("objects")) {
            preload((KubernetesEmulator) handler, Path.of(file));
        }
    }

    /** The controllers of {@code --controllers [LIST]} with the nodes of {@code --nodes N}. */
    private static Controllers controllers(Arguments flags) throws UsageException {
        String list = flags.get("controllers", "");
        Controllers controllers;
        try {
            controllers = list.isBlank() ? Controllers.all() : Controllers.of(list);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--controllers " + list + ": " + e.getMessage());
        }
        String nodes = flags.get("nodes", null);
        if (nodes == null) {
            return controllers;
        }
        try {
            int count = Integer.parseInt(nodes);
            if (count < 0) {
                throw new NumberFormatException();
            }
            return controllers.nodes(count);
        } catch (NumberFormatException e) {
            throw new UsageException("--nodes must be a number of nodes (0 or more), got '" + nodes + "'");
        }
    }

    /**
     * The kubeconfig of the running server: as the administrator with a client certificate over TLS; over plain
     * HTTP, as the first user of a token (the only credential there), or with none when authentication is off.
     */
    private static void writeKubeconfig(KubernetesScaffold scaffold, Arguments flags, Path file) throws IOException {
        List<String> tokens = flags.all("token");
        String text = flags.has("tls") || tokens.isEmpty()
                ? scaffold.kubeconfig()
                : scaffold.kubeconfig(tokens.get(0).substring(0, tokens.get(0).indexOf('=')));
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text);
    }

    private static void preload(KubernetesEmulator emulator, Path file) throws UsageException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--objects " + file + ": no such file");
        }
        emulator.objects().load(file);
    }

    private static Handler logging(RawHandler handler, PrintStream err) {
        return new Handler.Wrapper(handler) {
            @Override
            public Response handle(Request request) throws Exception {
                Response response = super.handle(request);
                err.println(response.status() + " " + request);
                return response;
            }
        };
    }
}
