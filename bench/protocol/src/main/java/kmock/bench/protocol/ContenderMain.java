package kmock.bench.protocol;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The contender process's side of the protocol, the same for all contenders, on standard input and output:
 * <ul>
 *   <li>{@code cycles W N}: prints {@code first <ns>} for the first start + GET + stop of this JVM, then runs W
 *       unmeasured cycles and prints {@code cycle <start ns> <get ns> <stop ns>} for N measured ones;</li>
 *   <li>{@code serve N [option]}, {@code emulator [option]} or {@code bytes FILE}: starts, prints {@code port <p>}, answers
 *       {@code mem} with {@code heap <bytes used after GC>} and {@code threads} with {@code threads <live threads>},
 *       and stops at {@code stop} or at the end of input.</li>
 * </ul>
 * The GET of a cycle is a raw HTTP/1.1 request with {@code Connection: close}, the same bytes for everyone.
 */
public final class ContenderMain {

    private ContenderMain() {
    }

    /** Runs the protocol for a contender; exits non-zero with a message on any failure. */
    public static void run(Contender contender, String[] args) {
        try {
            switch (args[0]) {
                case "cycles" -> cycles(contender, Integer.parseInt(args[1]), Integer.parseInt(args[2]), false);
                case "tlscycles" -> cycles(contender, Integer.parseInt(args[1]), Integer.parseInt(args[2]), true);
                case "serve" -> serve(args.length > 2 ? contender.start(Integer.parseInt(args[1]), args[2])
                        : contender.start(Integer.parseInt(args[1])));
                case "emulator" -> serve(args.length > 1 ? contender.emulator(args[1]) : contender.emulator());
                case "bytes" -> serve(contender.bytes(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[1]))));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
            System.exit(0);
        } catch (UnsupportedOperationException e) {
            System.out.println("unsupported " + e.getMessage());
            System.exit(3);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void cycles(Contender contender, int warmup, int measured, boolean tls) throws Exception {
        long[] first = cycle(contender, tls);
        System.out.println("first " + (first[0] + first[1] + first[2]));
        for (int i = 0; i < warmup; i++) {
            cycle(contender, tls);
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < measured; i++) {
            long[] times = cycle(contender, tls);
            lines.append("cycle ").append(times[0]).append(' ').append(times[1]).append(' ').append(times[2]).append('\n');
        }
        System.out.print(lines);
        System.out.flush();
    }

    private static long[] cycle(Contender contender, boolean tls) throws Exception {
        long start = System.nanoTime();
        Contender.Running server = tls ? contender.startTls() : contender.start(1);
        long started = System.nanoTime();
        get(server.port(), "/stub", tls);
        long got = System.nanoTime();
        server.close();
        long stopped = System.nanoTime();
        return new long[] {started - start, got - started, stopped - got};
    }

    /**
     * One GET on a fresh connection (over TLS when asked, trusting whatever certificate: the bench measures the
     * server, not certificate checks); fails unless the status is 200.
     */
    static void get(int port, String path, boolean tls) throws Exception {
        try (Socket socket = tls ? TrustAll.socket(port) : new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            // Read the head and the Content-Length body rather than waiting for the close: MockWebServer keeps
            // the connection open whatever the request says.
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            if (!head.toString().startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("GET " + path + " answered " + head);
            }
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            in.readNBytes(length);
        }
    }

    private static void serve(Contender.Running server) throws Exception {
        try (server) {
            System.out.println("port " + server.port());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null && !command.equals("stop"); command = commands.readLine()) {
                if (command.equals("mem")) {
                    System.out.println("heap " + heapAfterGc());
                    System.out.flush();
                } else if (command.equals("threads")) {
                    System.out.println("threads " + ManagementFactory.getThreadMXBean().getThreadCount());
                    System.out.flush();
                }
            }
        }
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
