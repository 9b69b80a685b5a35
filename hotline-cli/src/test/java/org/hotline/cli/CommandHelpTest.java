package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

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

    /**
     * Every command that does something shows examples, and every example is a command line that
     * parses: the usage's footer promises "a command's options and examples", yet most commands had
     * none, and an example with a renamed or missing option would teach the wrong thing.
     */
    @Test
    void everyCommandShowsExamplesThatParse() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        List<String> faults = new ArrayList<>();
        int examples = 0;
        for (List<String> path : paths) {
            CommandLine command = Main.commandLine();
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            if (command.getSubcommands().keySet().stream().anyMatch(n -> !n.equals("help"))) {
                continue;   // a group (geo, concern, ...): its commands have the examples
            }
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String invocation = "hotline " + String.join(" ", path);
            int at = usage.indexOf("\nExamples:\n");
            if (at < 0 || !usage.substring(at).contains(invocation)) {
                faults.add(invocation + ": no example of it under 'Examples:'");
                continue;
            }
            // A line ending in a backslash goes on in the next, as in a shell.
            String examplesText = usage.substring(at + "\nExamples:\n".length()).replace("\\\n", " ");
            for (String line : examplesText.split("\n")) {
                if (!line.startsWith("  ") || !line.contains("hotline ")) {
                    break;   // the examples end at the first line that is not one
                }
                List<String> words = words(line.substring(line.indexOf("hotline ")));
                examples++;
                try {
                    Main.commandLine(words.subList(1, words.size()).toArray(String[]::new))
                            .parseArgs(words.subList(1, words.size()).toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    faults.add(line.trim() + ": " + e.getMessage());
                }
            }
        }
        assertThat(faults).isEmpty();
        assertThat(examples).isGreaterThan(40);
    }

    /**
     * The words of an example as a shell splits them, up to a pipe, a redirection or a comment in
     * parentheses after three spaces; single and double quotes group words.
     */
    private static List<String> words(String example) {
        String line = example.replaceFirst("\\s{3,}\\(.*\\)$", "");
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '|' || c == '>') {
                break;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * After `geo update` the databases it installed are the default, not the bundled ones: every
     * --geo-db and --asn-db (analyze, demo, geo info, geo lookup, geo export) and demo's summary say
     * so. They said "the bundled open database", and --asn-db nothing of the update.
     */
    @Test
    void everyDatabaseDefaultNamesTheUpdateBeforeTheBundledOnes() {
        List<String> options = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        collectDatabaseOptions(Main.commandLine(), options, faults);
        assertThat(options).contains("hotline analyze --geo-db", "hotline analyze --asn-db", "hotline demo --geo-db",
                "hotline geo info --asn-db", "hotline geo lookup --geo-db", "hotline geo export --geo-db", "hotline geo export --asn-db");
        assertThat(faults).isEmpty();
        String demo = String.join(" ", Main.commandLine().getSubcommands().get("demo").getCommandSpec().usageMessage().description());
        assertThat(demo).contains("those `hotline geo update` installed, else the bundled ones");
    }

    private static void collectDatabaseOptions(CommandLine cli, List<String> options, List<String> faults) {
        CommandSpec spec = cli.getCommandSpec();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (o.longestName().equals("--geo-db") || o.longestName().equals("--asn-db")) {
                String where = spec.qualifiedName() + " " + o.longestName();
                options.add(where);
                String text = String.join(" ", o.description());
                if (!text.contains("`hotline geo update` installed, else the bundled")) {
                    faults.add(where + ": " + text);
                }
            }
        }
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                collectDatabaseOptions(sub, options, faults);
            }
        });
    }

    /** A paragraph ends a sentence; a line break inside one is the writer's, not picocli's. */
    private static final Pattern WHOLE = Pattern.compile("(.*[.:!?][)`'\"]?|)", Pattern.DOTALL);

    /**
     * picocli prints each element of a description on a line of its own and wraps it at the
     * terminal's width (100 when piped), so an element that stops mid-sentence shows as a ragged
     * break ("its attacking sources" alone on a line, the sentence going on one column to the left),
     * and a command list shows only a command's first element: "update  Download the newest open
     * databases from the npm registry (@ip-location-db packages)," and no more. Every element is
     * therefore a whole paragraph, and every command's first one a whole sentence. And every value
     * an option takes has a label that says what it is.
     */
    @Test
    void everyDescriptionIsWholeParagraphsAndEveryValueIsNamed() {
        List<String> faults = new ArrayList<>();
        checkParagraphs(Main.commandLine(), faults);
        assertThat(faults).isEmpty();
    }

    private static void checkParagraphs(CommandLine cli, List<String> faults) {
        CommandSpec spec = cli.getCommandSpec();
        String[] summary = spec.usageMessage().description();
        if (summary.length > 0 && !summary[0].strip().endsWith(".")) {
            faults.add(spec.qualifiedName() + " (its line in the command list): " + summary[0]);
        }
        check(spec.qualifiedName(), summary, faults);
        for (ArgSpec arg : spec.args()) {
            String name = spec.qualifiedName() + " " + (arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName()
                    : arg.paramLabel());
            check(name, arg.description(), faults);
            // picocli's fallback label is the Java field's name ("--deliver-every=<every>"): say what goes there.
            if (arg.arity().max() > 0 && arg.paramLabel().startsWith("<")) {
                faults.add(name + ": no parameter label, shown as " + arg.paramLabel());
            }
        }
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                checkParagraphs(sub, faults);
            }
        });
    }

    private static void check(String where, String[] description, List<String> faults) {
        for (String paragraph : description) {
            if (!WHOLE.matcher(paragraph.strip()).matches()) {
                faults.add(where + ": " + paragraph);
            }
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
