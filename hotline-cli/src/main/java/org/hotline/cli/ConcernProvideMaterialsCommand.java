package org.hotline.cli;

import java.util.List;
import org.hotline.channel.MessageBody;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline concern provide-materials}. */
@Command(name = "provide-materials", description = "Provide materials (asked for or not), from a materials JSON file.",
        footer = {"", "Examples:",
                "  hotline concern provide-materials \"$ID\" --materials materials-US.json --note 'auth.log of 12 March'",
                "", ExitCodes.HELP})
final class ConcernProvideMaterialsCommand extends ConcernStep {
    @Option(names = "--materials", required = true, paramLabel = "FILE", description = "Materials JSON, as `hotline analyze --materials-for CC` writes it.")
    java.nio.file.Path file;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note with the materials.")
    String note;

    @Override
    MessageBody body(NodeRuntime node) {
        return new MessageBody.MaterialsProvided(note, materials(file));
    }
}
