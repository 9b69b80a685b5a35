package org.hotline.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.channel.OutboxDelivery;
import org.hotline.InputException;
import org.hotline.cli.node.HostPort;
import org.hotline.cli.node.NodeHome;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.server.TaxiiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hotline serve}: the node's TAXII server plus its outbox delivery loop, until SIGTERM or
 * SIGINT; then it stops taking requests, finishes the delivery pass under way and closes the database.
 */
@Command(name = "serve", description = {"Run the node: its TAXII 2.1 server and the delivery of its outbox.",
        "The server speaks HTTPS with Basic and mutual TLS authentication; delivery retries with backoff."
                + " Stops cleanly on SIGTERM or Ctrl-C."},
        footer = {"", "Examples:",
                "  hotline serve --home work/ru",
                "  hotline serve --home work/ru --deliver-every 10s",
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

    @Option(names = "--deliver-every", paramLabel = "DURATION", defaultValue = "2s", description = "How often the outbox is drained (default: ${DEFAULT-VALUE}).")
    String every;

    @Override
    public Integer call() throws InterruptedException {
        long periodMs = Durations.parse("--deliver-every", every).toMillis();
        NodeRuntime node = new NodeRuntime(NodeHome.open(home.dir()));
        TaxiiServer server = start(node);
        OutboxDelivery delivery = node.delivery();
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-delivery"));
        loop.scheduleWithFixedDelay(() -> {
            try {
                int n = delivery.deliverDue(100);
                if (n > 0) {
                    Log.LOG.info("delivered {} message(s)", n);
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
        server.close();
        loop.shutdown();
        loop.awaitTermination(15, TimeUnit.SECONDS);
        node.close();
        done.countDown();
        return ExitCodes.OK;
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
