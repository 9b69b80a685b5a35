package org.hotline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.materials.ConcernOrigins;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotline concern origins}: the console's origin map, as a table. */
@Command(name = "origins", description = {"Where the attacking sources named in concerns' materials are located, by country:"
        + " open concerns, or all with --all.",
        "Each address counts once (in the country the newest set of materials gives), with the largest count of events"
                + " any one set gives it; located means registered or routed there, not who the attacker is."},
        footer = {"", "Examples:",
                "  hotline concern origins",
                "  hotline concern origins --all --json",
                "", ExitCodes.HELP})
final class ConcernOriginsCommand extends NodeCommand {
    @Option(names = "--all", description = "All concerns, ended ones too (default: open concerns only).")
    boolean all;

    @Override
    int run(NodeRuntime node, PrintWriter out) {
        ConcernDesk.Listing listing = node.desk().listing();
        ConcernOrigins origins = ConcernOrigins.of(scope(listing.concerns(), all));
        int exit = ConcernListCommand.unreadable(spec.commandLine().getErr(), listing.unreadable(), "counted here");
        if (json) {
            printJson(out, json(origins, all));
            return exit;
        }
        String which = all ? "" : "open ";
        if (origins.sources() == 0) {
            out.println(origins.concerns() == 0 ? "No " + which + "concerns." : "No source addresses named in the materials of "
                    + origins.concerns() + " " + which + "concern(s).");
            return exit;
        }
        out.printf(Locale.ROOT, "%d source address(es), at least %d event(s), named in the materials of %d of %d %sconcern(s)%n",
                origins.sources(), origins.events(), origins.withMaterials(), origins.concerns(), which);
        out.printf(Locale.ROOT, "%-8s %8s %7s %10s %9s%n", "Country", "Sources", "Share", "Events", "Concerns");
        for (ConcernOrigins.Row r : origins.countries()) {
            out.printf(Locale.ROOT, "%-8s %8d %6.1f%% %10d %9d%n", r.country() == null ? "unknown" : r.country(), r.sources(),
                    r.share(), r.events(), r.concerns());
        }
        out.println("Located means registered or routed there, not who the attacker is.");
        return exit;
    }

    /** Open concerns, or all of them. */
    static List<Concern> scope(List<Concern> concerns, boolean all) {
        return all ? concerns : concerns.stream().filter(c -> !c.state().isTerminal()).toList();
    }

    /** What {@code --json} prints and the console's map draws. */
    static ObjectNode json(ConcernOrigins origins, boolean all) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("scope", all ? "all" : "open");
        o.put("concerns", origins.concerns());
        o.put("concerns_with_materials", origins.withMaterials());
        o.put("sources", origins.sources());
        o.put("events", origins.events());
        ArrayNode rows = o.putArray("countries");
        for (ConcernOrigins.Row r : origins.countries()) {
            ObjectNode row = rows.addObject();
            row.put("country", r.country());
            row.put("sources", r.sources());
            row.put("share", r.share());
            row.put("events", r.events());
            row.put("concerns", r.concerns());
            ArrayNode ids = row.putArray("concern_ids");
            r.concernIds().forEach(ids::add);
        }
        return o;
    }
}
