package org.hotline.cli;

import java.io.PrintWriter;
import java.util.List;
import org.hotline.HotlineException;
import org.hotline.InputException;
import org.hotline.OutputException;
import org.hotline.RemoteServiceException;
import org.hotline.channel.ChannelException;
import org.hotline.report.Cells;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hotline} command. Thin: picocli parses, the subcommands call the composition root,
 * and this class turns outcomes into exit codes — user errors as one line without a stack trace.
 */
@Command(name = "hotline",
        mixinStandardHelpOptions = true,
        // Every subcommand inherits -h/--help and -V/--version: "hotline concern file --help" must teach.
        scope = CommandLine.ScopeType.INHERIT,
        usageHelpAutoWidth = true,
        usageHelpWidth = 100,   // when not on a terminal (piped into less or a file): our texts are set for 100
        versionProvider = HotlineVersion.class,
        description = {
                "A cyber hotline between national CERTs.",
                "",
                "Where do the attacks come from? @|bold analyze|@ reads web, SSH, firewall, IDS, flow and honeypot"
                        + " logs, detects attacks, and attributes every source to a country and network (ASN), with the"
                        + " method, the caveats and the evidence a sceptical counterpart can check.",
                "",
                "Try @|bold hotline demo|@ first: it analyses the bundled real sample logs."},
        footer = {"", ExitCodes.HELP, "", "Run 'hotline COMMAND --help' for a command's options and examples."})
public final class Main implements Runnable {

    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            DemoCommand.class,
            AnalyzeCommand.class,
            ReportCommand.class,
            FormatsCommand.class,
            DetectorsCommand.class,
            GeoCommand.class,
            PartyCommand.class,
            ChannelCommand.class,
            ConcernCommand.class,
            ServeCommand.class,
            SyncCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(args);
        } catch (OutOfMemoryError e) {   // thrown on the main thread, past picocli's handler
            exit = outOfMemory(new PrintWriter(System.err, true));
        }
        System.exit(exit);
    }

    /** Not a bug but a resource limit: say which and how to lift it, without a stack trace. */
    private static int outOfMemory(PrintWriter err) {
        err.println("hotline: out of memory: the Java heap is limited to " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB; give it more, e.g. HOTLINE_JAVA_OPTS='-XX:+UseParallelGC -Xmx16g' ./hotline ...");
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = commandLine(args);
        int exit = cli.execute(args);
        // Every command's output goes through a PrintWriter over System.out, and both swallow write
        // errors: without this, `hotline concern list --json > list.json` on a full disk exited 0.
        cli.getOut().flush();
        if (exit == ExitCodes.OK && (cli.getOut().checkError() || System.out.checkError())) {
            cli.getErr().println("hotline: the output could not be written in full to standard output"
                    + " (a full disk, or a reader that closed it)");
            cli.getErr().flush();
            return ExitCodes.OUTPUT_PROBLEM;
        }
        return exit;
    }

    /** The command tree for these arguments, with the error handling every run gets. */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> command : subcommandsFor(args)) {
            cli.addSubcommand(command);
        }
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("hotline: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    /**
     * Only the subcommand the arguments name, when they start with one; else all of them (the
     * usage, help, a mistyped name). picocli builds a command's whole model from its annotations
     * when it is added, and the full tree (some 40 commands with their options) was ~0.5 s of every
     * run, even of a one-line analysis.
     */
    static List<Class<?>> subcommandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : SUBCOMMANDS) {
                CommandLine.Command c = command.getAnnotation(CommandLine.Command.class);
                if (command != CommandLine.HelpCommand.class
                        && (c.name().equals(args[0]) || List.of(c.aliases()).contains(args[0]))) {
                    return List.of(command);
                }
            }
        }
        return SUBCOMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ChannelException c) {
            err.println("hotline: refused (" + c.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + "): " + shown(c.getMessage()));
            return ExitCodes.REFUSED;
        }
        if (e instanceof RemoteServiceException) {
            err.println("hotline: " + shown(e.getMessage()));
            return ExitCodes.UNAVAILABLE;
        }
        if (e instanceof OutputException) {
            err.println("hotline: " + shown(e.getMessage()));
            return ExitCodes.OUTPUT_PROBLEM;
        }
        if (e instanceof InputException || e instanceof IllegalArgumentException) {
            err.println("hotline: " + shown(e.getMessage()));
            return ExitCodes.USAGE;
        }
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return outOfMemory(err);
            }
        }
        err.println("hotline: internal error: " + describe(e));
        err.println("This is a bug in Hotline; please report it with the command line and this trace:");
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }

    /**
     * A message for the terminal: many quote what came from outside (a partner's refusal, a saved
     * report's field, a file's first bytes), so control characters and bidirectional overrides go.
     */
    private static String shown(String message) {
        return message == null ? "(no message)" : Cells.cleanLines(message);
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (!(e instanceof HotlineException) || c.getMessage() != null) {
                sb.append(": ").append(c);
            }
        }
        return sb.toString();
    }
}
