package org.hotline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.stix.StixJson;
import org.hotline.stix.mapping.ConcernExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotline concern export}: the concern's whole history as one STIX 2.1 bundle. */
@Command(name = "export", description = "Write a concern's full history as a STIX 2.1 bundle.")
final class ConcernExportCommand extends NodeCommand {
    @Parameters(index = "0", paramLabel = "CONCERN", description = "The concern's id.")
    String concernId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the bundle.")
    Path file;

    @Override
    int run(NodeRuntime node, PrintWriter out) throws IOException {
        var concern = node.desk().concern(concernId);
        var channel = node.channel(concern.channelId());
        var bundle = ConcernExport.bundle(concern.history(), List.of(channel.local(), channel.partner()));
        Files.writeString(file, StixJson.writePretty(bundle) + "\n");
        if (json) {
            var o = Json.MAPPER.createObjectNode();
            o.put("concern", concernId);
            o.put("file", file.toString());
            o.put("objects", bundle.get("objects").size());
            printJson(out, o);
        } else {
            out.println("Wrote " + bundle.get("objects").size() + " STIX objects of " + concernId + " to " + file);
        }
        return ExitCodes.OK;
    }
}
