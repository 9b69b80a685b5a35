package org.hotline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hotline.detect.DetectorParameter;
import org.hotline.detect.DetectorSpec;
import org.hotline.detect.Detectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Lists the detectors with their parameters and defaults: what {@code --detect} can tune. */
@Command(name = "detectors", description = {
        "List the detectors analyze runs, with every parameter, its default and allowed range.",
        "Tune one with: hotline analyze --detect brute-force.failures=10 ..."},
        footer = {"", "Examples:",
                "  hotline detectors",
                "  hotline detectors --json > detectors.json",
                "", ExitCodes.HELP})
final class DetectorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print as JSON, for scripts.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (DetectorSpec d : Detectors.all()) {
                ObjectNode n = array.addObject().put("name", d.name()).put("description", d.description());
                ArrayNode params = n.putArray("parameters");
                for (DetectorParameter p : d.parameters()) {
                    params.addObject().put("name", p.name()).put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT))
                            .put("default", p.format(p.defaultValue())).put("min", p.format(p.min()))
                            .put("max", p.format(p.max())).put("unit", p.unit()).put("description", p.description());
                }
            }
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return ExitCodes.OK;
        }
        int width = Detectors.all().stream().flatMap(d -> d.parameters().stream().map(p -> d.name() + "." + p.name()))
                .mapToInt(String::length).max().orElse(20);
        for (DetectorSpec d : Detectors.all()) {
            out.println(d.name() + ": " + d.description());
            for (DetectorParameter p : d.parameters()) {
                out.printf("    %-" + width + "s  default %-6s %s%n", d.name() + "." + p.name(), p.format(p.defaultValue()),
                        p.description());
                out.printf("    %-" + width + "s  allowed %s..%s %s%n", "", p.format(p.min()), p.format(p.max()), p.unit());
            }
        }
        return ExitCodes.OK;
    }
}
