package org.hotline.cli;

import java.util.List;
import org.hotline.channel.MessageBody;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline concern close}. */
@Command(name = "close", description = "Close a concern after its response (its filer).",
        footer = {"", "Examples:",
                "  hotline concern close \"$ID\" --note 'Thank you; the attacks stopped'",
                "", ExitCodes.HELP})
final class ConcernCloseCommand extends ConcernStep {
    @Option(names = "--note", paramLabel = "TEXT", description = "A closing note.")
    String note;

    @Override
    MessageBody body(NodeRuntime node) {
        return new MessageBody.Closure(note);
    }
}
