package org.hotline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.channel.Channel;
import org.hotline.cli.node.ChannelSync;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.stix.mapping.StixReader;
import org.hotline.taxii.client.TaxiiClient;
import org.hotline.taxii.client.TaxiiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code hotline sync}: pulls every partner's shared collection from where the last pull ended
 * ({@code sync.json} in the home keeps each channel's X-TAXII-Date-Added-Last) and takes in what is
 * new. A partner that cannot be reached is reported and the others are still pulled; exit code 3 if
 * anything was refused or a pull failed otherwise, else 69 if a partner could not be reached (no
 * answer, or a server error: trying again later may help, as after {@code geo update}'s 69).
 */
@Command(name = "sync", description = {"Pull partners' shared collections and take in their messages.",
        "From the last pull on, paged: how a node that was offline or unreachable catches up."},
        footer = {"", "Examples:",
                "  hotline sync --home work/ru",
                "  hotline sync --home work/ru --all --json",
                "", ExitCodes.HELP})
final class SyncCommand extends NodeCommand {
    @Option(names = "--all", description = "Pull everything again, not only what was added since the last pull.")
    boolean all;

    @Override
    int run(NodeRuntime node, PrintWriter out) throws IOException {
        Path cursors = node.home().dir().resolve("sync.json");
        ObjectNode saved = cursors(cursors, spec.commandLine().getErr());
        ChannelSync sync = new ChannelSync(node.desk(), node.db().concerns(), new StixReader(node.validator()));
        ArrayNode report = Json.MAPPER.createArrayNode();
        boolean clean = true;
        boolean unreachable = false;
        for (Channel c : node.db().channels().channels()) {
            ObjectNode r = report.addObject();
            r.put("partner", c.partner().name());
            try {
                TaxiiClient client = new TaxiiClient(node.httpClient(), node.credentials(c.partner().id()).orElse(null),
                        java.time.Duration.ofSeconds(30));
                String after = all ? null : saved.path(c.id()).asString(null);
                ChannelSync.Result result = sync.pull(client, c, after);
                for (String concernId : node.db().concerns().concernIds()) {
                    node.publish(concernId);
                }
                if (result.checkpoint() != null) {
                    saved.put(c.id(), result.checkpoint());
                }
                r.put("pages", result.pages());
                r.put("objects", result.objects());
                r.put("applied", result.applied());
                r.put("duplicates", result.duplicates());
                ArrayNode refused = r.putArray("refused");
                result.refused().forEach(refused::add);
                ArrayNode forks = r.putArray("forks");
                result.forks().forEach(forks::add);
                clean &= result.refused().isEmpty();
                if (!json) {
                    out.println(c.partner().name() + ": " + result.objects() + " objects in " + result.pages() + " page(s), "
                            + result.applied() + " new messages, " + result.duplicates() + " already here"
                            + (result.refused().isEmpty() ? "" : ", " + result.refused().size() + " refused:"));
                    result.refused().forEach(x -> out.println("  " + x));
                    if (!result.refused().isEmpty()) {
                        // The cursor moves past them like past anything else: say how to get them back.
                        out.println("  (a later sync starts after these; once the cause is mended, e.g. the channel's terms,"
                                + " `hotline sync --all` pulls them again)");
                    }
                    result.forks().forEach(x -> out.println("  fork settled: " + x));
                }
            } catch (TaxiiException e) {
                // No HTTP answer, or one a retry may mend (5xx, 429): the partner is unavailable, nothing
                // was refused. An answer that refuses the request (4xx) is a refusal like any other.
                boolean unavailable = e.status() == 0 || e.isRetryable();
                unreachable |= unavailable;
                clean &= unavailable;
                r.put("error", e.getMessage());
                if (!json) {
                    out.println(c.partner().name() + ": pull failed: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                clean = false;
                r.put("error", e.getMessage());
                if (!json) {
                    out.println(c.partner().name() + ": pull failed: " + e.getMessage());
                }
            }
        }
        // Written beside and moved into place: a sync killed while writing left half a file, and every
        // later sync failed on it as an internal error.
        byte[] text = (Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(saved) + "\n").getBytes(StandardCharsets.UTF_8);
        OutputFile.write(cursors, "sync cursors", o -> o.write(text));
        if (json) {
            printJson(out, report);
        }
        return !clean ? ExitCodes.REFUSED : unreachable ? ExitCodes.UNAVAILABLE : ExitCodes.OK;
    }

    /**
     * Where each channel's last pull ended. A file that cannot be read (cut short by a crash, or
     * edited by hand) costs only a full pull, which takes in nothing twice: say so and pull all.
     */
    private static ObjectNode cursors(Path file, PrintWriter err) {
        if (!Files.exists(file)) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            if (Json.MAPPER.readTree(file.toFile()) instanceof ObjectNode o) {
                return o;
            }
        } catch (tools.jackson.core.JacksonException e) {
            // reported below
        }
        err.println("hotline: " + file + " cannot be read as the sync cursors; pulling everything again (nothing is taken twice)");
        return Json.MAPPER.createObjectNode();
    }
}
