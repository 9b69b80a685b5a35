package org.hotline.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.channel.OutboxDelivery;
import org.hotline.InputException;
import org.hotline.cli.node.ConsoleToken;
import org.hotline.cli.node.HostPort;
import org.hotline.cli.node.NodeHome;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.cli.node.SecretFiles;
import org.hotline.server.TaxiiServer;
import org.hotline.server.console.ConsoleServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hotline serve}: the node's TAXII server plus its outbox delivery loop, until SIGTERM or
 * SIGINT; then it stops taking requests and starting deliveries, lets the partners' lanes under way
 * finish (up to 15 s) and closes the database.
 *
 * <p>The loop starts, every {@code --deliver-every}, a lane for each partner with due messages whose
 * lane is not still running, and does not wait for them ({@link OutboxDelivery#startDue}): a partner
 * that accepts connections and never answers holds its own lane for a timeout, while the others are
 * served on every tick.
 */
@Command(name = "serve", description = {"Run the node: its TAXII 2.1 server, the delivery of its outbox, and the operator's console.",
        "The server speaks HTTPS with Basic and mutual TLS authentication; delivery retries with backoff."
                + " Stops cleanly on SIGTERM or Ctrl-C.",
        "The console is a read-only web page on loopback: concerns and what is owed by whom and when, each"
                + " concern's signed history, materials and obligations, and the channels' accounts. Its address"
                + " is logged at start, and written with the token it needs to console.url in the node's home."},
        footer = {"", "Examples:",
                "  hotline serve --home work/ru",
                "  hotline serve --home work/ru --deliver-every 10s --console 127.0.0.1:8470",
                "  ssh -L 8470:127.0.0.1:8470 node-host    (to open a remote node's console from your machine)",
                "", ExitCodes.HELP})
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    /**
     * In a holder, created on first use: picocli instantiates every subcommand when the CLI starts,
     * and a logger here set up logging (logback reading its XML configuration) for every command,
     * ~0.2 s of each {@code hotline analyze}.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    }

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Option(names = "--deliver-every", paramLabel = "DURATION", defaultValue = "2s", description = "How often the outbox is drained (default: ${DEFAULT-VALUE}).")
    String every;

    /**
     * At most this many partners are delivered to at once. A lane spends nearly all its time waiting
     * on a partner's node, so a thread each costs little and is what keeps one partner that hangs
     * from holding up the others; the cap bounds threads and open connections should the outbox hold
     * messages for very many partners (more than this hanging at once would again delay the rest).
     */
    static final int MAX_LANES = 16;

    @Option(names = "--console", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:0", description = "Where the operator's"
            + " console listens: a loopback address only; port 0 takes any free port (default: ${DEFAULT-VALUE}); 'none' for no console.")
    String console;

    @Override
    public Integer call() throws InterruptedException {
        long periodMs = Durations.parse("--deliver-every", every).toMillis();
        HostPort consoleAt = consoleAddress();
        NodeRuntime node = new NodeRuntime(NodeHome.open(home.dir()));
        warnIfOpen(node.home().dir());
        TaxiiServer server = start(node);
        ConsoleServer consoleServer = consoleAt == null ? null : startConsole(node, consoleAt);
        ThreadPoolExecutor lanes = lanes();
        OutboxDelivery delivery = node.delivery(lanes);
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-delivery"));
        loop.scheduleWithFixedDelay(() -> {
            try {
                for (OutboxDelivery.Lane lane : delivery.startDue(100)) {
                    lane.delivered().whenComplete((n, e) -> report(node, lane.partner(), n, e));
                }
            } catch (RuntimeException e) {
                Log.LOG.error("outbox delivery pass failed", e);
            }
        }, 0, periodMs, TimeUnit.MILLISECONDS);
        Log.LOG.info("{} serving TAXII 2.1 at {} (listening on {}:{})", node.home().party().name(), node.home().party().taxiiUrl(),
                node.home().listen().host(), server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                done.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hotline-shutdown"));
        stopped.await();
        Log.LOG.info("stopping");
        if (consoleServer != null) {
            consoleServer.close();
        }
        server.close();
        loop.shutdown();
        loop.awaitTermination(2, TimeUnit.SECONDS);   // a tick only starts lanes: it ends at once
        lanes.shutdown();
        if (!lanes.awaitTermination(15, TimeUnit.SECONDS)) {
            // Within the shutdown hook's 20 s. What they were delivering stays queued, and is
            // delivered again on the next start (a duplicate, if the partner had taken it).
            Log.LOG.warn("stopping with {} delivery lane(s) still waiting on partners", lanes.getActiveCount());
        }
        node.close();
        done.countDown();
        return ExitCodes.OK;
    }

    /**
     * Threads for the lanes, made when a lane starts and no idle one is left, let go after a minute
     * idle: as many as partners being delivered to at once, up to {@link #MAX_LANES}. Sized on demand
     * rather than from the partners at start-up because {@code channel add} may add one while the
     * node runs. No queue: a lane past the cap is refused, and its partner is taken up on a later
     * tick once a thread is free, instead of waiting in line behind lanes that may be sitting out
     * timeouts. Daemon threads: a lane stuck past the shutdown's wait must not keep the process alive.
     */
    private static ThreadPoolExecutor lanes() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, MAX_LANES, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "outbox-lane-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private HostPort consoleAddress() {
        if (console.equalsIgnoreCase("none")) {
            return null;
        }
        HostPort at;
        try {
            at = HostPort.parse(console);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("--listen", "--console"));
        }
        if (!ConsoleServer.isLoopback(at.host())) {
            throw new ParameterException(spec.commandLine(), "--console " + console + ": the console listens on loopback only (127.0.0.1, ::1 or localhost);"
                    + " to reach it from another machine, use an SSH tunnel (ssh -L 8470:127.0.0.1:8470 HOST)");
        }
        return at;
    }

    /**
     * The console, once the TAXII server is up. A console that cannot listen is logged and left out:
     * the node's duty to its partners (receiving, delivering) does not depend on its operator's page.
     * The log names its address but not the token: a log is often readable by more people than the
     * node's home (a file of the default mode, the system journal, a log collector elsewhere), and the
     * token opens every concern to whoever has it; console.url, owner-only, holds the address with it.
     */
    private static ConsoleServer startConsole(NodeRuntime node, HostPort at) {
        try {
            // An address from an earlier run must not outlive it: if this console does not start, none is open.
            java.nio.file.Files.deleteIfExists(node.home().dir().resolve("console.url"));
            ConsoleServer c = new ConsoleServer(new NodeConsoleData(node), at.host(), at.port(), ConsoleToken.of(node.home().dir())).start();
            Path urlFile = node.home().dir().resolve("console.url");
            Log.LOG.info("operator console at {} (read-only; open the address in {}, which carries its token)", c.address(), urlFile);
            SecretFiles.write(urlFile, c.url() + "\n");
            return c;
        } catch (RuntimeException | java.io.IOException e) {
            Log.LOG.error("the operator console could not start on {} ({}); the node runs without it", at, e.getMessage());
            return null;
        }
    }

    /**
     * A home other users may enter (made before party init made homes owner-only, or by hand) lets them
     * read the store, every concern in the clear, whatever the console's token keeps out: said at start,
     * not changed, since the directory is the operator's.
     */
    private static void warnIfOpen(Path dir) {
        try {
            var perms = java.nio.file.Files.getPosixFilePermissions(dir);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                Log.LOG.warn("the node's home {} is readable by other users ({}): its store holds every concern in the clear;"
                        + " chmod 700 {}", dir, java.nio.file.attribute.PosixFilePermissions.toString(perms), dir);
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to say.
        }
    }

    private static void report(NodeRuntime node, String partner, Integer delivered, Throwable failure) {
        if (failure != null) {
            Log.LOG.error("delivering to {} failed", name(node, partner), failure);
        } else if (delivered > 0) {
            Log.LOG.info("delivered {} message(s) to {}", delivered, name(node, partner));
        }
    }

    private static String name(NodeRuntime node, String partnerId) {
        return node.partners().stream().map(p -> p.card().party()).filter(p -> p.id().equals(partnerId))
                .map(org.hotline.channel.Party::name).findFirst().orElse(partnerId);
    }

    /**
     * Starts the TAXII server; a listen address that is taken (most often this node's own serve,
     * already running) is a configuration problem to put in one line, not an internal error.
     */
    private static TaxiiServer start(NodeRuntime node) {
        HostPort listen = node.home().listen();
        try {
            return node.server(listen.port()).start();
        } catch (RuntimeException e) {
            node.close();
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof java.net.BindException) {
                    throw new InputException("cannot listen on " + listen.host() + ":" + listen.port() + ": the address is in use"
                            + " (is `hotline serve` already running for this node?); stop what holds the port, then start"
                            + " the node again (its partners reach it at the address on its card)");
                }
            }
            throw e;
        }
    }
}
