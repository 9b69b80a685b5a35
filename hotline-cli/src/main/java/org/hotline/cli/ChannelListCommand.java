package org.hotline.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.hotline.channel.Channel;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Tlp;
import org.hotline.cli.node.NodeHome;
import org.hotline.store.NodeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotline channel list}. */
@Command(name = "list", description = "List this node's channels: partner, its TAXII URL, terms and deadlines.",
        footer = {"", "Examples:",
                "  hotline channel list --home work/ru",
                "  hotline channel list --home work/ru --json",
                "", ExitCodes.HELP})
final class ChannelListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() {
        NodeHome h = NodeHome.open(home.dir());
        List<Channel> channels;
        try (NodeDatabase db = NodeDatabase.open(h.database())) {
            channels = db.channels().channels();
        }
        // Partners' names and addresses reach the terminal without control characters; JSON as it is.
        var out = json ? spec.commandLine().getOut() : TerminalText.of(spec.commandLine().getOut());
        if (json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            channels.forEach(c -> a.add(json(c)));
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(a));
        } else if (channels.isEmpty()) {
            out.println("No channels yet; add one with `hotline channel add --partner CARD.json --secret-file FILE`.");
        } else {
            for (Channel c : channels) {
                out.println(c.partner().name() + " (" + c.partner().country() + ")  " + c.id());
                out.println("  TAXII: " + c.partner().taxiiUrl());
                out.println("  TLP: " + String.join(", ", c.terms().tlps().stream().sorted().map(Tlp::id).toList())
                        + "; acknowledge within " + Durations.format(c.terms().acknowledgeWithin())
                        + ", respond within " + Durations.format(c.terms().respondWithin())
                        + ", materials within " + Durations.format(c.terms().materialsWithin()));
            }
        }
        return ExitCodes.OK;
    }

    static ObjectNode json(Channel c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", c.id());
        o.put("partner_id", c.partner().id());
        o.put("partner", c.partner().name());
        o.put("partner_country", c.partner().country());
        o.put("partner_taxii_url", c.partner().taxiiUrl() == null ? null : c.partner().taxiiUrl().toString());
        ArrayNode tlps = o.putArray("tlps");
        c.terms().tlps().stream().sorted().map(Tlp::id).forEach(tlps::add);
        ArrayNode kinds = o.putArray("kinds");
        c.terms().kinds().stream().sorted().map(ConcernKind::id).forEach(kinds::add);
        o.put("acknowledge_within", c.terms().acknowledgeWithin().toString());
        o.put("respond_within", c.terms().respondWithin().toString());
        o.put("materials_within", c.terms().materialsWithin().toString());
        o.put("created", c.created().toString());
        return o;
    }
}
