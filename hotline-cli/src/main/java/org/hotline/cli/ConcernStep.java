package org.hotline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.Concern;
import org.hotline.channel.Materials;
import org.hotline.channel.MessageBody;
import org.hotline.cli.node.EnvelopeSize;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Parameters;

/**
 * A step on an existing concern: take it through the desk (which refuses what the lifecycle or the
 * channel does not allow, exit code 3), publish the history to the shared collection, try to deliver
 * this concern (the rest of the outbox is `hotline serve`'s), and print the concern as it now stands.
 */
abstract class ConcernStep extends NodeCommand {
    @Parameters(index = "0", paramLabel = "CONCERN", description = "The concern's id (incident--...).")
    String concernId;

    abstract MessageBody body(NodeRuntime node);

    @Override
    int run(NodeRuntime node, PrintWriter out) {
        MessageBody body = body(node);
        Concern before = node.desk().concern(concernId);
        EnvelopeSize.check(node, node.channel(before.channelId()), before.history(), body);
        Concern c = node.desk().act(concernId, body);
        return report(node, out, c, json);
    }

    static int report(NodeRuntime node, PrintWriter out, Concern c, boolean json) {
        node.publish(c.id());
        node.delivery().deliverConcern(c.id());
        Concern now = node.desk().concern(c.id());
        var s = ConcernView.summary(now, Instant.now(), names(node));
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(s));
        } else {
            ConcernView.printLine(out, s);
        }
        return ExitCodes.OK;
    }

    static Map<String, String> names(NodeRuntime node) {
        Map<String, String> names = new HashMap<>();
        names.put(node.home().party().id(), node.home().party().name());
        node.partners().forEach(p -> names.put(p.card().party().id(), p.card().party().name()));
        return names;
    }

    /** Reads a materials file as {@code hotline analyze --materials-for} writes it (CanonicalForm.materials). */
    static Materials materials(Path file) {
        try {
            return CanonicalForm.materials(Json.MAPPER.readTree(file.toFile()));
        } catch (tools.jackson.core.JacksonException e) {
            throw new InputException("reading materials " + file + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new InputException("materials " + file + ": " + e.getMessage());
        }
    }
}
