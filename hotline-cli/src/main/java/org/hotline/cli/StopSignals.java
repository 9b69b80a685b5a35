package org.hotline.cli;

import java.io.PrintStream;
import org.hotline.source.FollowStop;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM while {@code analyze --follow} runs: the first ends the following once
 * the lines written so far are read, and the run goes on to its report as if the file ended there (what a
 * person watching a log, or a service manager stopping one, wants: the analysis so far, not
 * nothing); the second quits at once, without a report, as an interrupted command does.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported, there in every JDK since 9) is the one way to
 * take a signal and go on: a shutdown hook runs only once the JVM has begun to exit, and could not
 * let the report be written and the exit code be the run's.
 */
final class StopSignals {
    private StopSignals() {}

    static void install(FollowStop stop, PrintStream err) {
        for (String[] signal : new String[][] {{"INT", "Ctrl-C (SIGINT)"}, {"TERM", "SIGTERM"}}) {
            Signal.handle(new Signal(signal[0]), s -> {
                if (stop.request(signal[1])) {
                    err.println();
                    err.println("hotline: " + signal[1] + ": following stops once the lines written so far are read, then"
                            + " the report comes; " + signal[1] + " again quits without one");
                    err.flush();
                } else {
                    err.println("hotline: " + signal[1] + " again: quit without a report");
                    err.flush();
                    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                }
            });
        }
    }
}
