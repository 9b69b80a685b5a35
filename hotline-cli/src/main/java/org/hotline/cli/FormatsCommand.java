package org.hotline.cli;

import java.util.concurrent.Callable;
import org.hotline.parse.ParserSpec;
import org.hotline.parse.Parsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists the input formats {@code analyze} reads. */
@Command(name = "formats", description = "List the input formats analyze reads (auto-detected, or forced with --format).",
        footer = {"", "Examples:",
                "  hotline formats",
                "  hotline formats --json",
                "", ExitCodes.HELP})
final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print as JSON, for scripts.")
    boolean json;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (json) {
            var array = Json.MAPPER.createArrayNode();
            for (ParserSpec p : Parsers.all()) {
                array.addObject().put("format", p.format()).put("description", p.description())
                        .put("yearless", p.yearless());
            }
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else {
            int width = Parsers.all().stream().mapToInt(p -> p.format().length()).max().orElse(6);
            for (ParserSpec p : Parsers.all()) {
                out.printf("  %-" + width + "s  %s%n", p.format(), p.description());
            }
        }
        return ExitCodes.OK;
    }
}
