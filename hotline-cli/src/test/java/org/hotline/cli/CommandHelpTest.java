package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command, however deep, answers --help with its usage and exit code 0: the help is the manual. */
class CommandHelpTest {

    @Test
    void everyCommandAnswersHelpWithItsUsage() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(25);   // analyze, demo, geo lookup, concern file, serve, ...
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            String[] argv = args.toArray(String[]::new);
            // The tree as a run builds it: only the named subcommand is registered (start-up time).
            CommandLine cli = Main.commandLine(argv);
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(new StringWriter()));
            int exit = cli.execute(argv);
            assertThat(exit).as("hotline %s --help", String.join(" ", path)).isZero();
            assertThat(out.toString()).as("hotline %s --help", String.join(" ", path))
                    .startsWith("Usage: hotline " + String.join(" ", path)).contains("-h, --help");
        }
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> into) {
        cli.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help") || !sub.getCommandName().equals(name)) {
                return;   // picocli's own help command, and aliases
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            into.add(p);
            collect(sub, p, into);
        });
    }
}
