package org.hotline.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernLifecycle;
import org.hotline.channel.HistoryCheck;
import org.hotline.channel.Message;
import org.hotline.channel.MessageKind;
import org.hotline.channel.Seal;
import org.hotline.channel.account.Obligation;
import org.hotline.channel.port.ConcernStore;
import org.hotline.channel.port.Outbox;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How a concern is printed: one line for lists, the whole history for {@code show}; text or JSON. */
final class ConcernView {
    private ConcernView() {}

    static ObjectNode summary(Concern c, Instant now, Map<String, String> names) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", c.id());
        o.put("channel", c.channelId());
        o.put("filer", names.getOrDefault(c.filer(), c.filer()));
        o.put("recipient", names.getOrDefault(c.recipient(), c.recipient()));
        o.put("kind", c.kind().id());
        o.put("summary", c.summary());
        o.put("severity", c.severity().id());
        o.put("tlp", c.tlp().id());
        o.put("state", c.state().id());
        o.put("filed", c.filed().toString());
        o.put("updated", c.updated().toString());
        // Always there, null when nothing is owed (a draft, a closed concern): scripts read one shape.
        if (c.deadline() == null) {
            o.putNull("deadline");
        } else {
            ObjectNode d = o.putObject("deadline");
            d.put("obligation", c.deadline().obligation());
            d.put("party", names.getOrDefault(c.deadline().party(), c.deadline().party()));
            d.put("due", c.deadline().due().toString());
        }
        o.put("overdue", c.isOverdue(now));
        return o;
    }

    static ObjectNode detail(Concern c, Instant now, Map<String, String> names, Map<String, String> keys,
                             List<Outbox.Entry> deliveries, List<ConcernStore.Superseded> setAside, String self) {
        ObjectNode o = summary(c, now, names);
        ArrayNode h = o.putArray("history");
        for (Message m : c.history()) {
            ObjectNode n = h.addObject();
            n.put("id", m.id());
            n.put("kind", m.kind().id());
            n.put("author", names.getOrDefault(m.author(), m.author()));
            n.put("created", m.created().toString());
            n.put("hash", m.isSealed() ? Seal.hash(m) : null);
            n.put("previous_hash", m.previousHash());
            n.set("body", org.hotline.channel.CanonicalForm.tree(m).get("body"));
        }
        // Our steps a fork was settled against: out of the history, but signed and perhaps acted on.
        ArrayNode aside = o.putArray("set_aside");
        for (ConcernStore.Superseded x : setAside) {
            ObjectNode n = aside.addObject();
            n.put("id", x.message().id());
            n.put("kind", x.message().kind().id());
            n.put("author", names.getOrDefault(x.message().author(), x.message().author()));
            n.put("created", x.message().created().toString());
            n.put("hash", Seal.hash(x.message()));
            n.put("previous_hash", x.message().previousHash());
            n.put("superseded_by", x.by());
            n.put("set_aside_at", x.at().toString());
            n.put("note", org.hotline.channel.Forks.setAside(x));
            n.set("body", org.hotline.channel.CanonicalForm.tree(x.message()).get("body"));
        }
        // A draft is not signed yet: checking its signature reported a forgery ("does not verify").
        boolean draft = c.state() == org.hotline.channel.ConcernState.DRAFT;
        List<String> problems = draft ? List.of() : HistoryCheck.problems(c.history(), keys);
        ObjectNode v = o.putObject("verification");
        v.put("ok", problems.isEmpty());
        v.put("draft", draft);
        ArrayNode p = v.putArray("problems");
        problems.forEach(p::add);
        ArrayNode next = o.putArray("allowed_next");
        // The same steps as the commands that take them (`hotline concern COMMAND ID`).
        ArrayNode commands = o.putArray("next_commands");
        if (draft) {
            next.add("send");
            commands.add("send");
        } else if (!c.state().isTerminal() && c.state() != org.hotline.channel.ConcernState.DRAFT) {
            ConcernLifecycle.Role role = self.equals(c.filer()) ? ConcernLifecycle.Role.FILER : ConcernLifecycle.Role.RECIPIENT;
            for (MessageKind k : ConcernLifecycle.allowed(c.state(), role)) {
                next.add(k.id());
                commands.add(command(k));
            }
        }
        ArrayNode d = o.putArray("deliveries");
        for (Outbox.Entry e : deliveries) {
            ObjectNode n = d.addObject();
            n.put("message", e.delivery().messageId());
            n.put("to", names.getOrDefault(e.delivery().partner(), e.delivery().partner()));
            n.put("state", e.state().name().toLowerCase(java.util.Locale.ROOT));
            n.put("attempts", e.delivery().attempts());
            n.put("next_attempt", e.state() == Outbox.State.PENDING ? e.delivery().nextAttempt().toString() : null);
            n.put("delivered_at", e.deliveredAt() == null ? null : e.deliveredAt().toString());
            n.put("last_error", e.delivery().lastError());
        }
        return o;
    }

    /** The {@code hotline concern} subcommand that takes a step of this kind. */
    static String command(MessageKind kind) {
        return switch (kind) {
            case FILING -> "send";
            case ACKNOWLEDGEMENT -> "ack";
            case MATERIALS_REQUEST -> "request-materials";
            case MATERIALS_PROVIDED -> "provide-materials";
            case STATUS_UPDATE -> "update";
            case RESPONSE -> "respond";
            case CLOSURE -> "close";
            case REJECTION -> "reject";
            case WITHDRAWAL -> "withdraw";
        };
    }

    /**
     * What the history obliged each side to do and what became of it (the unit of {@code channel
     * report}), so one concern can be judged on its own: "acknowledge (US-CERT): in time, after 2h".
     */
    static void obligations(ObjectNode detail, List<Obligation> obligations, Map<String, String> names) {
        ArrayNode a = detail.putArray("obligations");
        for (Obligation o : obligations) {
            ObjectNode n = a.addObject();
            n.put("obligation", o.kind().label());
            n.put("party", names.getOrDefault(o.party(), o.party()));
            n.put("since", o.since().toString());
            n.put("due", o.due() == null ? null : o.due().toString());
            n.put("met", o.metAt() == null ? null : o.metAt().toString());
            n.put("outcome", o.outcome().id());
            n.put("took", o.took() == null ? null : o.took().toString());
        }
    }

    static void printLine(PrintWriter out, ObjectNode s) {
        String deadline = s.path("deadline").isObject() ? s.get("deadline").get("obligation").asString() + " by "
                + s.get("deadline").get("due").asString() + (s.get("overdue").asBoolean() ? " OVERDUE" : "") : "-";
        out.printf("%s  %-18s %-8s %s -> %s  %s  [%s]%n", s.get("id").asString(), s.get("state").asString(),
                s.get("tlp").asString(), s.get("filer").asString(), s.get("recipient").asString(), s.get("summary").asString(), deadline);
    }

    static void printDetail(PrintWriter out, ObjectNode d) {
        printLine(out, d);
        out.println("History:");
        for (var m : d.get("history")) {
            out.printf("  %s  %-18s by %-10s %s  sha256 %s%n", m.get("created").asString(), m.get("kind").asString(),
                    m.get("author").asString(), m.get("id").asString(), m.path("hash").asString("-"));
        }
        if (d.has("obligations")) {
            out.println("Obligations:");
            for (var o : d.get("obligations")) {
                String outcome = o.get("outcome").asString();
                String took = o.get("took").isNull() ? "" : ", after "
                        + org.hotline.channel.account.Elapsed.format(java.time.Duration.parse(o.get("took").asString()));
                String due = o.get("due").isNull() ? "" : " (due " + o.get("due").asString() + ")";
                out.printf("  %-18s by %-10s %s%s%s%n", o.get("obligation").asString(), o.get("party").asString(),
                        outcome.equals("on-time") ? "in time" : outcome, took, outcome.equals("on-time") || outcome.equals("late") ? "" : due);
            }
        }
        for (var x : d.get("set_aside")) {
            out.println("Set aside by a fork: " + x.get("note").asString());
        }
        var v = d.get("verification");
        out.println("Signatures and chain: " + (v.path("draft").asBoolean() ? "none yet, a draft is signed when it is sent"
                : v.get("ok").asBoolean() ? "verified" : "PROBLEMS"));
        v.get("problems").forEach(p -> out.println("  " + p.asString()));
        List<String> next = new java.util.ArrayList<>();
        d.get("next_commands").forEach(n -> next.add(n.asString()));
        out.println("You may next: " + (next.isEmpty() ? "nothing" : String.join(", ", next)
                + " (hotline concern " + (next.size() == 1 ? next.get(0) : "COMMAND") + " " + d.get("id").asString() + ")"));
        for (var e : d.get("deliveries")) {
            if (!e.get("state").asString().equals("delivered")) {
                out.println("Delivery of " + e.get("message").asString() + " to " + e.get("to").asString() + ": "
                        + e.get("state").asString() + " after " + e.get("attempts").asInt() + " failed attempt(s)"
                        + (e.get("last_error").isNull() ? "" : ", last error: " + e.get("last_error").asString())
                        + (e.get("next_attempt").isNull() ? "" : "; next try at " + e.get("next_attempt").asString()));
            }
        }
    }
}
