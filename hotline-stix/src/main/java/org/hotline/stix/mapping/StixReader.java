package org.hotline.stix.mapping;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.ChannelException.Reason;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Party;
import org.hotline.channel.Tlp;
import org.hotline.stix.JsonDiff;
import org.hotline.stix.validate.Problem;
import org.hotline.stix.validate.StixValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a bundle or TAXII envelope of STIX objects: validates each, finds Hotline messages by their
 * extension, rebuilds each message from the signed form it carries, then re-renders it and refuses
 * the object unless it is identical to the rendering. So anything altered outside the signed form
 * (a name, a marking, a timestamp, an indicator pattern) is caught here; anything altered inside it
 * breaks the signature, which {@code ConcernDesk.receive} checks. Objects of a message's materials are
 * held to their rendering the same way. Objects that are not Hotline's are accepted as they are
 * (after validation) so the TAXII server can store them.
 *
 * <p>Every refusal is logged (System.Logger, WARNING) and returned, never thrown: one bad object
 * must not cost the partner the rest of its envelope (TAXII reports success per object).
 *
 * <p>Hazard: a note's marking comes from its concern's filing. If the filing is neither in the batch
 * nor known to {@code knownConcernTlp}, the note cannot be re-rendered and is refused
 * ({@code NOT_FOUND}); deliveries carry the whole history, so this only happens out of order.
 */
public final class StixReader {
    private static final System.Logger LOG = System.getLogger(StixReader.class.getName());
    private final StixValidator validator;

    public StixReader(StixValidator validator) {
        this.validator = validator;
    }

    /**
     * @param container       a bundle or an envelope ({@code {"objects": [...]}})
     * @param knownConcernTlp the TLP of a concern this node already holds, by concern id
     * @throws IllegalArgumentException if {@code container} is not an object with a list of objects
     */
    public Decoded read(JsonNode container, Function<String, Optional<Tlp>> knownConcernTlp) {
        JsonNode objects = container.path("objects");
        if (!container.isObject() || !objects.isArray()) {
            throw new IllegalArgumentException("expected a STIX bundle or TAXII envelope with a list of objects");
        }
        Batch batch = new Batch();
        List<JsonNode> valid = batch.valid(objects);
        Map<String, Message> carried = batch.carriedMessages(valid);
        batch.render(carried, knownConcernTlp);
        batch.classify(valid, carried);
        return batch.result();
    }

    /** One read: the refusals so far and what each phase found. */
    private final class Batch {
        final List<Decoded.Refusal> refused = new ArrayList<>();
        final Set<String> unreadable = new HashSet<>();
        final Map<String, Rendering> renderings = new LinkedHashMap<>();
        final Map<String, List<Rendering.Derived>> derived = new HashMap<>();
        final List<JsonNode> others = new ArrayList<>();
        final List<Party> parties = new ArrayList<>();

        /** Phase 1: the objects that pass the validator. */
        List<JsonNode> valid(JsonNode objects) {
            List<JsonNode> valid = new ArrayList<>();
            for (JsonNode o : objects) {
                List<Problem> problems = validator.problems(o);
                if (problems.isEmpty()) {
                    valid.add(o);
                } else {
                    refuse(refused, o.path("id").asString("(no id)"), Reason.INVALID, problems.stream()
                            .limit(5).map(Problem::toString).collect(Collectors.joining("; ")));
                }
            }
            return valid;
        }

        /** Phase 2: the messages carried by Hotline's extension, by the id of the object carrying each. */
        Map<String, Message> carriedMessages(List<JsonNode> valid) {
            Map<String, Message> carried = new LinkedHashMap<>();
            for (JsonNode o : valid) {
                JsonNode signed = o.path("extensions").path(HotlineExtension.ID).path("signed_message");
                if (signed.isObject()) {
                    String id = o.get("id").stringValue();
                    try {
                        carried.put(id, CanonicalForm.message(signed));
                    } catch (IllegalArgumentException e) {
                        unreadable.add(id);
                        refuse(refused, id, Reason.INVALID, "its signed message cannot be read: " + e.getMessage());
                    }
                }
            }
            return carried;
        }

        /** Phase 3: what each message renders to, with its concern's TLP from the batch or this node. */
        void render(Map<String, Message> carried, Function<String, Optional<Tlp>> knownConcernTlp) {
            Map<String, Tlp> filed = new HashMap<>();
            carried.values().forEach(m -> {
                if (m.body() instanceof MessageBody.Filing f) {
                    filed.put(m.concernId(), f.tlp());
                }
            });
            for (Map.Entry<String, Message> e : List.copyOf(carried.entrySet())) {
                Message m = e.getValue();
                Tlp tlp = Optional.ofNullable(filed.get(m.concernId())).or(() -> knownConcernTlp.apply(m.concernId())).orElse(null);
                if (tlp == null) {
                    continue; // refused as NOT_FOUND in classify()
                }
                List<ObjectNode> rendered;
                try {
                    rendered = MessageRenderer.render(m, tlp);
                } catch (IllegalArgumentException ex) {
                    carried.remove(e.getKey());
                    unreadable.add(e.getKey());
                    refuse(refused, e.getKey(), Reason.INVALID, "carries a message that cannot be rendered: " + ex.getMessage());
                    continue;
                }
                Rendering r = new Rendering(m, rendered.get(0));
                renderings.put(e.getKey(), r);
                for (ObjectNode d : rendered.subList(1, rendered.size())) {
                    derived.computeIfAbsent(d.get("id").stringValue(), k -> new ArrayList<>()).add(new Rendering.Derived(d, r));
                }
            }
        }

        /** Phase 4: each valid object is a message, part of one's materials, a published object, or another's. */
        void classify(List<JsonNode> valid, Map<String, Message> carried) {
            for (JsonNode o : valid) {
                String id = o.get("id").stringValue();
                if (unreadable.contains(id)) {
                    continue;
                } else if (carried.containsKey(id)) {
                    primary(o, carried.get(id), renderings.get(id), refused);
                } else if (derived.containsKey(id)) {
                    derivedObject(o, derived.get(id), refused);
                } else {
                    Optional<String> fixed = fixedDifference(o);
                    if (fixed.isPresent()) {
                        refuse(refused, id, Reason.BAD_SIGNATURE, "is not the published object with this id: " + fixed.get());
                    } else if (party(o, parties, refused)) {
                        others.add(o);
                    }
                }
            }
        }

        Decoded result() {
            List<Decoded.Carried> messages = new ArrayList<>();
            for (Rendering r : renderings.values()) {
                if (r.primary != null) {
                    List<JsonNode> all = new ArrayList<>();
                    all.add(r.primary);
                    all.addAll(r.derived);
                    messages.add(new Decoded.Carried(r.message, all));
                } else {
                    r.derived.forEach(d -> refuse(refused, d.get("id").stringValue(), Reason.BAD_SIGNATURE,
                            "renders the materials of message " + r.message.id() + ", which was refused"));
                }
            }
            return new Decoded(messages, others, parties, refused);
        }
    }

    private static void primary(JsonNode o, Message m, Rendering r, List<Decoded.Refusal> refused) {
        String id = o.get("id").stringValue();
        if (!m.id().equals(id)) {
            refuse(refused, id, Reason.INVALID, "carries message " + m.id() + ", not its own id");
        } else if (r == null) {
            refuse(refused, id, Reason.NOT_FOUND, "is a message of concern " + m.concernId()
                    + ", whose filing is neither in this batch nor known here; send the filing first");
        } else {
            Optional<String> d = JsonDiff.firstDifference(r.expected, o);
            if (d.isPresent()) {
                refuse(refused, id, Reason.BAD_SIGNATURE, "differs from the rendering of the message it carries, so it was "
                        + "altered outside what " + m.author() + " signed: " + d.get());
            } else {
                r.primary = o;
            }
        }
    }

    private static void derivedObject(JsonNode o, List<Rendering.Derived> expected, List<Decoded.Refusal> refused) {
        Optional<String> d = Optional.empty();
        for (Rendering.Derived e : expected) {
            d = JsonDiff.firstDifference(e.expected(), o);
            if (d.isEmpty()) {
                // Belongs to the (first) message whose materials render it exactly.
                e.owner().derived.add(o);
                return;
            }
        }
        refuse(refused, o.get("id").stringValue(), Reason.BAD_SIGNATURE,
                "differs from what the signed materials in this batch render: " + d.orElseThrow());
    }

    /** Hotline's definition and issuer and the TLP 2.0 definition have one published content. */
    private static Optional<String> fixedDifference(JsonNode o) {
        String id = o.get("id").stringValue();
        ObjectNode published = id.equals(HotlineExtension.ID) ? HotlineExtension.definition()
                : id.equals(HotlineExtension.ISSUER_ID) ? HotlineExtension.issuer()
                : id.equals(TlpMarkings.EXTENSION_ID) ? TlpMarkings.extensionDefinition() : null;
        return published == null ? Optional.empty() : JsonDiff.firstDifference(published, o);
    }

    /** Reads a party identity; false (and refused) if it is not the rendering of the party it describes. */
    private static boolean party(JsonNode o, List<Party> parties, List<Decoded.Refusal> refused) {
        Optional<Party> p;
        try {
            p = PartyIdentity.parse(o);
        } catch (IllegalArgumentException e) {
            refuse(refused, o.get("id").stringValue(), Reason.INVALID, "its Hotline party cannot be read: " + e.getMessage());
            return false;
        }
        if (p.isPresent()) {
            Optional<String> d = JsonDiff.firstDifference(PartyIdentity.render(p.get()), o);
            if (d.isPresent()) {
                refuse(refused, o.get("id").stringValue(), Reason.INVALID, "is not the rendering of the party it describes: " + d.get());
                return false;
            }
            parties.add(p.get());
        }
        return true;
    }

    private static void refuse(List<Decoded.Refusal> refused, String id, Reason reason, String problem) {
        LOG.log(Level.WARNING, "refused STIX object {0} ({1}): {2}", id, reason, problem);
        refused.add(new Decoded.Refusal(id, reason, id + " " + problem));
    }

    /** What a message renders to, and the received objects found to match it. */
    private static final class Rendering {
        final Message message;
        final ObjectNode expected;
        JsonNode primary;
        final List<JsonNode> derived = new ArrayList<>();

        Rendering(Message message, ObjectNode expected) {
            this.message = message;
            this.expected = expected;
        }

        record Derived(ObjectNode expected, Rendering owner) {}
    }
}
