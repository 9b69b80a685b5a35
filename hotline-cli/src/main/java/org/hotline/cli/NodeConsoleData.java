package org.hotline.cli;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelException;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.ConcernState;
import org.hotline.channel.Party;
import org.hotline.channel.account.ChannelAccount;
import org.hotline.channel.account.Obligations;
import org.hotline.channel.materials.ConcernOrigins;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.server.console.ConsoleData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's data from a node's own store, built by the same views as {@code concern list},
 * {@code concern show} and {@code channel report} print with {@code --json}: the page and a script
 * reading the CLI see one thing. Names are read afresh on each call, since {@code channel add} may add
 * a partner while the node runs.
 */
final class NodeConsoleData implements ConsoleData {
    private final NodeRuntime node;

    NodeConsoleData(NodeRuntime node) {
        this.node = node;
    }

    @Override
    public JsonNode node() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.set("party", party(node.home().party()));
        ArrayNode partners = o.putArray("partners");
        node.partners().forEach(p -> partners.add(party(p.card().party())));
        o.put("now", Instant.now().toString());
        return o;
    }

    private static ObjectNode party(Party p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", p.id());
        o.put("name", p.name());
        o.put("country", p.country());
        return o;
    }

    @Override
    public JsonNode concerns() {
        ConcernDesk.Listing listing = node.desk().listing();
        return ConcernListCommand.rows(node, listing.concerns(), listing.unreadable(), Instant.now());
    }

    @Override
    public Optional<JsonNode> concern(String id) {
        Concern c;
        try {
            c = node.desk().concern(id);
        } catch (ChannelException e) {
            if (e.reason() == ChannelException.Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        Instant now = Instant.now();
        Map<String, String> names = ConcernStep.names(node);
        ObjectNode d = ConcernView.detail(c, now, names, ConcernShowCommand.keys(node), node.db().outbox().entries(id),
                node.db().concerns().superseded(id), node.home().party().id());
        if (c.state() != ConcernState.DRAFT) {
            ConcernView.obligations(d, Obligations.of(c.history(), node.channel(c.channelId()).terms(), now), names);
        }
        return Optional.of(d);
    }

    @Override
    public JsonNode report(Instant since, Instant until) {
        var concerns = node.desk().listing().concerns();
        Instant now = Instant.now();
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Channel c : node.db().channels().channels()) {
            a.add(ChannelReportCommand.json(ChannelAccount.of(c, concerns, since, until, now)));
        }
        return a;
    }

    @Override
    public JsonNode origins(boolean all) {
        return ConcernOriginsCommand.json(ConcernOrigins.of(ConcernOriginsCommand.scope(node.desk().listing().concerns(), all)), all);
    }
}
