package org.hotline.cli;

import java.io.PrintWriter;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hotline concern send}: seals and sends a concern kept with {@code concern file --draft}.
 * Without it a draft could be neither sent nor withdrawn (every step refuses a draft).
 */
@Command(name = "send", description = {"Send a concern kept as a draft (`concern file --draft`): sign it and queue it for the partner.",
        "For example: hotline concern send incident--... --home work/ru."},
        footer = {"", "Examples:",
                "  hotline concern send \"$ID\"   (the id concern file --draft printed)",
                "", ExitCodes.HELP})
final class ConcernSendCommand extends NodeCommand {
    @Parameters(index = "0", paramLabel = "CONCERN", description = "The draft's id (incident--...), as `concern file --draft` printed it.")
    String concernId;

    @Override
    int run(NodeRuntime node, PrintWriter out) {
        return ConcernStep.report(node, out, node.desk().send(concernId), json);
    }
}
