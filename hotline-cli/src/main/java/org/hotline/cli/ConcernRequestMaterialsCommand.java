package org.hotline.cli;

import java.util.List;
import org.hotline.channel.MessageBody;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline concern request-materials}. */
@Command(name = "request-materials", description = "Ask the filer for more materials, saying which.",
        footer = {"", "Examples:",
                "  hotline concern request-materials \"$ID\" --request 'auth.log lines for 198.51.100.23'",
                "", ExitCodes.HELP})
final class ConcernRequestMaterialsCommand extends ConcernStep {
    @Option(names = "--request", paramLabel = "TEXT", required = true, description = "What is needed, e.g. \"full auth.log lines for 198.51.100.23\".")
    String request;

    @Override
    MessageBody body(NodeRuntime node) {
        return new MessageBody.MaterialsRequest(request);
    }
}
