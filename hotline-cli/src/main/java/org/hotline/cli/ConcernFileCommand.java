package org.hotline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.hotline.InputException;
import org.hotline.channel.Channel;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Severity;
import org.hotline.channel.Tlp;
import org.hotline.cli.node.EnvelopeSize;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline concern file}: a new concern to a partner. */
@Command(name = "file", description = "File a concern to a partner, with materials from `hotline analyze --materials-for CC`.",
        footer = {"", "Examples:",
                "  hotline analyze --materials-for US --materials-out materials-US.json /var/log/auth.log",
                "  hotline concern file --partner US-CERT --summary 'SSH brute force' --materials materials-US.json",
                "  hotline concern file --partner US-CERT --kind attack-notification --summary 'UDP flood'",
                "  hotline concern file --partner US-CERT --summary 'Site scans' --severity low --tlp green --draft",
                "", ExitCodes.HELP})
final class ConcernFileCommand extends NodeCommand {
    @Option(names = "--partner", paramLabel = "PARTNER", required = true, description = "The partner's name (e.g. US-CERT) or identity id.")
    String partner;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "request-for-investigation",
            description = "attack-notification, request-for-investigation, request-for-information or takedown-request (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--summary", paramLabel = "TEXT", required = true, description = "One line saying what the concern is.")
    String summary;

    @Option(names = "--description", paramLabel = "TEXT", description = "More detail.")
    String description;

    @Option(names = "--severity", paramLabel = "SEVERITY", defaultValue = "medium", description = "low, medium, high or critical (default: ${DEFAULT-VALUE}).")
    String severity;

    @Option(names = "--tlp", paramLabel = "TLP", defaultValue = "amber", description = "TLP level (default: ${DEFAULT-VALUE}).")
    String tlp;

    @Option(names = "--materials", paramLabel = "FILE", description = "Materials JSON, as `hotline analyze --materials-for CC` writes it.")
    Path materials;

    @Option(names = "--draft", description = "Keep it as a draft here; nothing is sent until `hotline concern send ID`.")
    boolean draft;

    @Override
    int run(NodeRuntime node, PrintWriter out) {
        Channel channel = node.db().channels().channels().stream()
                .filter(c -> c.partner().name().equalsIgnoreCase(partner) || c.partner().id().equals(partner)).findFirst()
                .orElseThrow(() -> new InputException("--partner: no channel to '" + partner + "'; see `hotline channel list`"));
        MessageBody.Filing filing = new MessageBody.Filing(channel.id(), channel.partner().id(), ConcernKind.parse(kind), summary,
                description, Severity.parse(severity), Tlp.parse(tlp), materials == null ? null : ConcernStep.materials(materials));
        EnvelopeSize.check(node, channel, List.of(), filing);
        Concern c = node.desk().file(filing, draft);
        if (draft) {
            out.println(c.id());
            return ExitCodes.OK;
        }
        return ConcernStep.report(node, out, c, json);
    }
}
