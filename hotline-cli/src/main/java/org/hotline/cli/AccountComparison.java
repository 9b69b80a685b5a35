package org.hotline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.channel.account.ChannelAccount;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code channel report --compare FILE}: this node's account against the partner's own
 * ({@code channel report --json} on its node, handed over). Equal digests settle it in one line; if
 * they differ, this finds the concerns behind it: held on one side only (never delivered, or filed
 * before the other's period), or held by both with a different last message (a step one side has
 * not received yet, or a fork still to settle).
 */
final class AccountComparison {
    private AccountComparison() {}

    /** One concern that the two accounts do not hold alike. */
    record Difference(String concern, String here, String there) {}

    /** The partner's account of the same channel, from its JSON report (an array, or one account). */
    static JsonNode theirs(Path file, String channelId) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InputException("--compare " + file + ": no such file", e);
        } catch (IOException e) {
            throw new InputException("--compare " + file + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (JacksonException e) {
            throw new InputException("--compare " + file + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
        List<JsonNode> accounts = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(accounts::add);
        } else if (root != null && root.isObject()) {
            accounts.add(root);
        }
        return accounts.stream().filter(a -> channelId.equals(a.path("channel").asString(null))).findFirst()
                .orElseThrow(() -> new InputException("--compare " + file + ": holds no account of channel " + channelId
                        + " (it should be the output of `hotline channel report --json` on the partner's node)"));
    }

    static List<Difference> differences(ChannelAccount ours, JsonNode theirs) {
        Map<String, String> here = new LinkedHashMap<>();
        ours.concerns().forEach(e -> here.put(e.id(), e.messages() + " messages, last " + e.head()));
        Map<String, String> there = new LinkedHashMap<>();
        theirs.path("concerns").forEach(c -> there.put(c.path("id").asString(""),
                c.path("messages").asInt() + " messages, last " + c.path("head").asString("")));
        List<Difference> out = new ArrayList<>();
        here.forEach((id, h) -> {
            String t = there.get(id);
            if (!h.equals(t)) {
                out.add(new Difference(id, h, t));
            }
        });
        there.forEach((id, t) -> {
            if (!here.containsKey(id)) {
                out.add(new Difference(id, null, t));
            }
        });
        return out;
    }

    static ObjectNode json(ChannelAccount ours, JsonNode theirs, List<Difference> diffs) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("digest", ours.digest());
        o.put("their_digest", theirs.path("digest").asString(null));
        o.put("same", diffs.isEmpty() && ours.digest().equals(theirs.path("digest").asString(null)));
        var list = o.putArray("differences");
        for (Difference d : diffs) {
            ObjectNode n = list.addObject();
            n.put("concern", d.concern());
            n.put("here", d.here());
            n.put("there", d.there());
        }
        return o;
    }
}
