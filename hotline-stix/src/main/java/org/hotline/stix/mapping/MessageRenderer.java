package org.hotline.stix.mapping;

import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.Materials;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Tlp;
import org.hotline.stix.StixJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders one sealed message as STIX 2.1: the filing as the concern's {@code incident} (id = concern
 * id), every later message as a {@code note} (id = message id) whose {@code object_refs} are the
 * incident and, for provided materials, their grouping; then the materials' objects. The signed
 * canonical form travels in Hotline's property extension, with the filing's kind, severity and TLP
 * beside it for consumers that do not verify (top-level {@code severity} is reserved by STIX).
 * {@code created} = {@code modified} = the message's own timestamp: a message is never revised, a
 * correction is a new message.
 *
 * <p>Why no {@code opinion}: no Hotline message states agreement with a claim. A closure ends a
 * concern after a response but does not say whether the filer accepts its findings; rendering it as
 * {@code "agree"} would put words in the filer's mouth that its signature does not cover. When the
 * closure gains an assessment of the response, it becomes an {@code opinion} on the response note.
 *
 * <p>Hazard: the output must be a pure function of the message and the concern's TLP, because the
 * receiving node re-renders every incoming object and refuses it unless it is identical.
 */
public final class MessageRenderer {
    private MessageRenderer() {}

    /**
     * The objects {@code message} renders to, its incident or note first.
     *
     * @param concernTlp the TLP of the message's concern (the filing's); every object is marked with it
     * @throws IllegalArgumentException if the message is an unsealed draft, or a filing whose TLP is not {@code concernTlp}
     */
    public static List<ObjectNode> render(Message message, Tlp concernTlp) {
        if (!message.isSealed()) {
            throw new IllegalArgumentException("message " + message.id() + " is an unsealed draft; only sealed messages go on the wire");
        }
        List<ObjectNode> out = new ArrayList<>();
        Materials materials;
        if (message.body() instanceof MessageBody.Filing filing) {
            if (filing.tlp() != concernTlp) {
                throw new IllegalArgumentException("filing " + message.id() + " is " + filing.tlp().label() + ", not " + concernTlp.label());
            }
            out.add(incident(message, filing));
            materials = filing.materials();
        } else {
            materials = message.body() instanceof MessageBody.MaterialsProvided p ? p.materials() : null;
            out.add(note(message, concernTlp, materials));
        }
        if (materials != null) {
            out.addAll(MaterialsRenderer.render(materials, message.concernId(), message.author(), message.created(), concernTlp));
        }
        return out;
    }

    private static ObjectNode incident(Message m, MessageBody.Filing f) {
        ObjectNode o = common("incident", m);
        o.put("name", f.summary());
        if (f.description() != null) {
            o.put("description", f.description());
        }
        o.putArray("object_marking_refs").add(TlpMarkings.id(f.tlp()));
        ObjectNode ext = HotlineExtension.entry(o);
        ext.put("message_kind", m.kind().id());
        ext.put("concern_kind", f.kind().id());
        ext.put("severity", f.severity().id());
        ext.put("tlp", f.tlp().id());
        ext.set("signed_message", CanonicalForm.tree(m));
        return o;
    }

    private static ObjectNode note(Message m, Tlp tlp, Materials materials) {
        ObjectNode o = common("note", m);
        o.put("abstract", NoteText.headline(m.body()));
        o.put("content", NoteText.content(m.body()));
        ArrayNode refs = o.putArray("object_refs").add(m.concernId());
        if (materials != null) {
            refs.add(materials.id());
        }
        o.putArray("object_marking_refs").add(TlpMarkings.id(tlp));
        ObjectNode ext = HotlineExtension.entry(o);
        ext.put("message_kind", m.kind().id());
        ext.set("signed_message", CanonicalForm.tree(m));
        return o;
    }

    private static ObjectNode common(String type, Message m) {
        ObjectNode o = StixJson.object();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", m.id());
        o.put("created_by_ref", m.author());
        String t = CanonicalForm.timestamp(m.created());
        o.put("created", t);
        o.put("modified", t);
        return o;
    }
}
