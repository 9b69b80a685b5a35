package org.hotline.cli.node;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.InputException;
import org.hotline.channel.Channel;
import org.hotline.channel.Ids;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Seal;
import org.hotline.stix.StixJson;
import org.hotline.stix.mapping.ConcernExport;

/**
 * Refuses, before anything is stored, a step its partner's node could never take: every delivery
 * carries the concern's whole history as one TAXII envelope, and a node takes at most
 * {@link #MAX_BYTES} per request. Without this a concern filed with 30 MB of materials was stored
 * and reported as sent (exit 0), then every delivery attempt was cut off by the partner's node
 * (413, seen as a broken pipe) and retried for ever.
 */
public final class EnvelopeSize {
    /** What a node's TAXII server takes per request (its API root's max_content_length). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private EnvelopeSize() {}

    /**
     * Checks the envelope that would carry {@code history} followed by a message with {@code body}
     * by this node: rendered and signed as it would be sent (with a throwaway id), then measured.
     */
    public static void check(NodeRuntime node, Channel channel, List<Message> history, MessageBody body) {
        if (!history.isEmpty() && !history.get(history.size() - 1).isSealed()) {
            return;   // a draft: no step follows it until it is sent, and the desk says so
        }
        String concernId = history.isEmpty() ? Ids.random("incident") : history.get(0).concernId();
        String id = history.isEmpty() ? concernId : Ids.random("note");
        Message next = Seal.sign(new Message(id, concernId, node.home().party().id(), Instant.now(), body,
                history.isEmpty() ? null : Seal.hash(history.get(history.size() - 1)), null), node.home().signer());
        List<Message> all = new ArrayList<>(history);
        all.add(next);
        long bytes = StixJson.write(ConcernExport.envelope(ConcernExport.objects(all, List.of(channel.local(), channel.partner()))))
                .getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InputException("nothing was stored: concern " + (history.isEmpty() ? "" : concernId + " ")
                    + "with this step would travel as " + mib(bytes) + " of STIX, and " + channel.partner().name()
                    + "'s node takes at most " + mib(MAX_BYTES) + " per delivery (each carries the whole history);"
                    + " send fewer sources or evidence lines, e.g. split the materials over several provide-materials");
        }
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
