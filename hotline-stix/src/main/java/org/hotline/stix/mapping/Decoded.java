package org.hotline.stix.mapping;

import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.ChannelException;
import org.hotline.channel.Message;
import org.hotline.channel.Party;
import tools.jackson.databind.JsonNode;

/**
 * What {@link StixReader} made of a batch of STIX objects.
 *
 * @param messages Hotline messages rebuilt from their signed form, each with the objects that carried
 *                 it (its incident or note first, then those of its materials found in the batch), in
 *                 the order they came. Not yet verified: signature and chain are the desk's to check
 *                 ({@code ConcernDesk.receive}); store a message's objects only once it accepted it.
 * @param others   valid objects that are not a Hotline message's rendering (markings, definitions,
 *                 identities, anything from other producers), to be stored as they are
 * @param parties  parties described by identities carrying Hotline's extension: claims, not trust
 * @param refused  objects refused, with why
 */
public record Decoded(List<Carried> messages, List<JsonNode> others, List<Party> parties, List<Refusal> refused) {

    public Decoded {
        messages = List.copyOf(messages);
        others = List.copyOf(others);
        parties = List.copyOf(parties);
        refused = List.copyOf(refused);
    }

    /** A message and the STIX objects it came in. */
    public record Carried(Message message, List<JsonNode> objects) {
        public Carried {
            objects = List.copyOf(objects);
        }
    }

    /**
     * One refused object.
     *
     * @param reason  {@code INVALID} (breaks STIX or the Hotline schema), {@code BAD_SIGNATURE} (altered
     *                outside what its author signed), {@code NOT_FOUND} (a note of a concern this node has
     *                not seen)
     * @param problem a sentence naming the object, the place (JSON pointer) and the rule
     */
    public record Refusal(String objectId, ChannelException.Reason reason, String problem) {}

    /** Every accepted object: the messages' and the others. */
    public List<JsonNode> accepted() {
        List<JsonNode> all = new ArrayList<>();
        messages.forEach(c -> all.addAll(c.objects()));
        all.addAll(others);
        return all;
    }
}
