package org.hotline.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.stix.StixJson;
import org.hotline.stix.mapping.ConcernExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotline concern export}: the concern's whole history as one STIX 2.1 bundle. */
@Command(name = "export", description = "Write a concern's full history as a STIX 2.1 bundle.",
        footer = {"", "Examples:",
                "  hotline concern export \"$ID\" --out concern.json   (a STIX 2.1 bundle)",
                "", ExitCodes.HELP})
final class ConcernExportCommand extends NodeCommand {
    @Parameters(index = "0", paramLabel = "CONCERN", description = "The concern's id.")
    String concernId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the bundle.")
    Path file;

    @Override
    int run(NodeRuntime node, PrintWriter out) {
        var concern = node.desk().concern(concernId);
        var channel = node.channel(concern.channelId());
        var bundle = ConcernExport.bundle(concern.history(), List.of(channel.local(), channel.partner()));
        // Through OutputFile: written beside and moved into place, and a file that cannot be written is
        // exit code 74 naming it (it was an internal error with a stack trace).
        byte[] text = (StixJson.writePretty(bundle) + "\n").getBytes(StandardCharsets.UTF_8);
        OutputFile.write(file, "STIX bundle", o -> o.write(text));
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
