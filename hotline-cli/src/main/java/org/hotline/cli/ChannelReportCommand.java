package org.hotline.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.channel.Channel;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.ConcernState;
import org.hotline.channel.account.ChannelAccount;
import org.hotline.channel.account.Elapsed;
import org.hotline.channel.account.Obligation;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.report.html.ChannelAccountPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code hotline channel report}: whether every concern on a channel was answered, and in time, each
 * way; with a digest the partner's own report of the same period must match.
 */
@Command(name = "report", description = {"Account for a channel's concerns: whether each one was answered, and in time.",
        "Counts each way how many were filed, where they stand, and whether each was acknowledged, answered and given"
                + " materials in time by the channel's terms. Both nodes compute it from the same signed histories:"
                + " the digest line must match the partner's."},
        footer = {"", "Examples:",
                "  hotline channel report --home work/ru",
                "  hotline channel report --home work/ru --partner US-CERT --since 2021-09-01 --until 2021-10-01",
                "  hotline channel report --home work/us --json",
                "  hotline channel report --home work/ru --since 2021-09-01 --html channel-us.html",
                "  hotline channel report --home work/ru --compare us.json   (us.json: the partner report, by --json)",
                "", ExitCodes.HELP})
final class ChannelReportCommand extends NodeCommand {
    @Option(names = "--partner", paramLabel = "PARTNER", description = "Only the channel to this partner (name or identity id); default: every channel.")
    String partner;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only concerns filed at or after this: a date (YYYY-MM-DD, UTC) or an instant (2021-09-01T00:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Only concerns filed before this (same forms as --since).")
    String until;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the account as one self-contained page with charts"
            + " (a bar per obligation, a timeline of every concern), for a round of consultations.")
    java.nio.file.Path html;

    @Option(names = "--compare", paramLabel = "FILE", description = "The partner's own report of the same period"
            + " (`hotline channel report --json` on its node): say whether the two agree, and which concerns differ if not.")
    java.nio.file.Path compare;

    @Override
    int run(NodeRuntime node, PrintWriter out) {
        Instant from = when("--since", since);
        Instant to = when("--until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InputException("--since " + since + " is not before --until " + until);
        }
        List<Channel> channels = node.db().channels().channels().stream()
                .filter(c -> partner == null || c.partner().name().equalsIgnoreCase(partner) || c.partner().id().equals(partner))
                .toList();
        if (channels.isEmpty()) {
            throw new InputException(partner == null ? "no channels yet; add one with `hotline channel add`"
                    : "--partner: no channel to '" + partner + "'; see `hotline channel list`");
        }
        ConcernDesk.Listing listing = node.desk().listing();
        List<Concern> concerns = listing.concerns();
        Instant now = Instant.now();
        List<ChannelAccount> accounts = new ArrayList<>();
        for (Channel c : channels) {
            accounts.add(ChannelAccount.of(c, concerns, from, to, now));
        }
        if (html != null) {
            OutputFile.write(html, "channel report page", o -> ChannelAccountPage.write(accounts, HotlineVersion.get(), o));
            // Not on stdout: that is the report (or the JSON scripts read).
            spec.commandLine().getErr().println("hotline: channel report page written to " + html);
        }
        if (json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (ChannelAccount x : accounts) {
                ObjectNode o = json(x);
                if (compare != null) {
                    JsonNode theirs = AccountComparison.theirs(compare, x.channel().id());
                    o.set("comparison", AccountComparison.json(x, theirs, AccountComparison.differences(x, theirs)));
                }
                a.add(o);
            }
            printJson(out, a);
        } else {
            for (ChannelAccount x : accounts) {
                print(out, x);
                if (compare != null) {
                    printComparison(out, x, AccountComparison.theirs(compare, x.channel().id()));
                }
            }
        }
        // An account that leaves a concern out says so: its digest would differ from the partner's.
        return ConcernListCommand.unreadable(spec.commandLine().getErr(), listing.unreadable(), "counted in this account");
    }

    static Instant when(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InputException(option + ": '" + text + "' is neither a date (2021-09-01) nor an instant (2021-09-01T00:00:00Z)");
        }
    }

    static ObjectNode json(ChannelAccount a) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("channel", a.channel().id());
        o.put("self", a.channel().local().name());
        o.put("partner", a.channel().partner().name());
        o.put("as_of", a.asOf().toString());
        o.put("since", a.since() == null ? null : a.since().toString());
        o.put("until", a.until() == null ? null : a.until().toString());
        o.set("filed_by_us", direction(a, a.byUs()));
        o.set("filed_by_partner", direction(a, a.byPartner()));
        o.put("digest", a.digest());
        ArrayNode list = o.putArray("concerns");
        for (ChannelAccount.Entry e : a.concerns()) {
            ObjectNode n = list.addObject();
            n.put("id", e.id());
            n.put("filer", a.channel().nameOf(e.filer()));
            n.put("filed", e.filed().toString());
            n.put("state", e.state().id());
            n.put("messages", e.messages());
            n.put("head", e.head());
            ArrayNode obligations = n.putArray("obligations");
            for (Obligation ob : e.obligations()) {
                ObjectNode b = obligations.addObject();
                b.put("obligation", ob.kind().label());
                b.put("party", a.channel().nameOf(ob.party()));
                b.put("since", ob.since().toString());
                b.put("due", ob.due() == null ? null : ob.due().toString());
                b.put("met", ob.metAt() == null ? null : ob.metAt().toString());
                b.put("outcome", ob.outcome().id());
            }
        }
        return o;
    }

    private static ObjectNode direction(ChannelAccount a, ChannelAccount.Direction d) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("filer", a.channel().nameOf(d.filer()));
        o.put("recipient", a.channel().nameOf(d.recipient()));
        o.put("concerns", d.concerns());
        ObjectNode states = o.putObject("by_state");
        d.byState().forEach((s, n) -> states.put(s.id(), n));
        ObjectNode obligations = o.putObject("obligations");
        d.obligations().forEach((k, t) -> {
            ObjectNode n = obligations.putObject(k.label());
            n.put("on_time", t.onTime());
            n.put("late", t.late());
            n.put("open", t.open());
            n.put("overdue", t.overdue());
            n.put("paused", t.paused());
            n.put("lifted", t.lifted());
        });
        o.put("median_to_acknowledge", iso(d.medianToAcknowledge()));
        o.put("longest_to_acknowledge", iso(d.longestToAcknowledge()));
        o.put("median_to_respond", iso(d.medianToRespond()));
        o.put("longest_to_respond", iso(d.longestToRespond()));
        return o;
    }

    private static void print(PrintWriter out, ChannelAccount a) {
        String self = a.channel().local().name();
        String other = a.channel().partner().name();
        String period = a.since() == null && a.until() == null ? "all concerns"
                : "concerns filed" + (a.since() == null ? "" : " from " + a.since()) + (a.until() == null ? "" : " before " + a.until());
        out.println("Channel " + self + " - " + other + " (" + a.channel().id() + "): " + period + ", as of "
                + a.asOf().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String fmt = "  %-38s %-24s %-24s%n";
        out.printf(fmt, "", "filed by " + self, "filed by " + other);
        ChannelAccount.Direction us = a.byUs();
        ChannelAccount.Direction them = a.byPartner();
        out.printf(fmt, "Concerns", us.concerns(), them.concerns());
        out.printf(fmt, "  open / answered or closed", open(us) + " / " + (us.concerns() - open(us)), open(them) + " / " + (them.concerns() - open(them)));
        for (Obligation.Kind k : Obligation.Kind.values()) {
            String who = k == Obligation.Kind.PROVIDE_MATERIALS ? "(by the filer)" : "(by the recipient)";
            out.printf(fmt, k.title() + " " + who, line(us.obligations().get(k)), line(them.obligations().get(k)));
        }
        out.printf(fmt, "Time to acknowledge: median, longest", times(us.medianToAcknowledge(), us.longestToAcknowledge()),
                times(them.medianToAcknowledge(), them.longestToAcknowledge()));
        out.printf(fmt, "Time to answer: median, longest", times(us.medianToRespond(), us.longestToRespond()),
                times(them.medianToRespond(), them.longestToRespond()));
        for (ChannelAccount.Entry e : a.concerns()) {
            for (Obligation o : e.obligations()) {
                if (o.outcome() == Obligation.Outcome.OVERDUE) {
                    out.println("  OVERDUE: " + a.channel().nameOf(o.party()) + " owes " + o.kind().label() + " on " + e.id() + " since " + o.due());
                }
            }
        }
        out.println("  Digest of the histories of " + a.concerns().size() + " concern(s): sha256 " + a.digest());
        out.println("  (" + other + "'s report of the same period shows the same digest if both nodes hold the same histories)");
    }

    private static void printComparison(PrintWriter out, ChannelAccount a, JsonNode theirs) {
        List<AccountComparison.Difference> diffs = AccountComparison.differences(a, theirs);
        String other = a.channel().partner().name();
        if (diffs.isEmpty() && a.digest().equals(theirs.path("digest").asString(null))) {
            out.println("  Compared with " + other + "'s report: the same " + a.concerns().size() + " concern(s), the same digest.");
            return;
        }
        out.println("  Compared with " + other + "'s report (digest " + theirs.path("digest").asString("-") + "): "
                + diffs.size() + " concern(s) differ:");
        for (AccountComparison.Difference d : diffs) {
            out.println("    " + d.concern() + ": here " + (d.here() == null ? "not held" : d.here()) + "; at " + other + " "
                    + (d.there() == null ? "not held" : d.there()));
        }
    }

    private static int open(ChannelAccount.Direction d) {
        return d.byState().entrySet().stream().filter(e -> !e.getKey().isTerminal() && e.getKey() != ConcernState.ANSWERED)
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** "3 of 4 in time, 1 late, 1 overdue": what is not zero. */
    private static String line(ChannelAccount.Tally t) {
        if (t.total() == 0) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        parts.add(t.onTime() + " of " + (t.total() - t.lifted()) + " in time");
        if (t.late() > 0) {
            parts.add(t.late() + " late");
        }
        if (t.overdue() > 0) {
            parts.add(t.overdue() + " OVERDUE");
        }
        if (t.open() > 0) {
            parts.add(t.open() + " not yet due");
        }
        if (t.paused() > 0) {
            parts.add(t.paused() + " paused");
        }
        return String.join(", ", parts);
    }

    private static String times(Duration median, Duration longest) {
        return median == null ? "-" : Elapsed.format(median) + ", " + Elapsed.format(longest);
    }

    private static String iso(Duration d) {
        return d == null ? null : d.toString();
    }

}
