package org.hotline.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.account.ChannelAccount;
import org.hotline.channel.account.Elapsed;
import org.hotline.channel.account.Obligation;

/**
 * {@code hotline channel report --html FILE}: a channel's account as one self-contained page, like
 * the origin report (inline CSS and SVG, no script, nothing loaded): for a round of consultations,
 * where the two sides would rather look at who answered what, and when, than read tables. Per
 * direction: a bar per obligation split by what became of it, a timeline of every concern from its
 * filing to its answer (or to now) with its acknowledgement and deadline, and the table behind it;
 * then the digest both sides' pages must share.
 */
public final class ChannelAccountPage {
    /** Concerns drawn per timeline; the table below still lists them all. */
    static final int TIMELINE_ROWS = 200;
    private static final Obligation.Outcome[] ORDER = {Obligation.Outcome.ON_TIME, Obligation.Outcome.LATE,
            Obligation.Outcome.OVERDUE, Obligation.Outcome.OPEN, Obligation.Outcome.PAUSED, Obligation.Outcome.LIFTED};
    private static final String[] COLOURS = {"#1a9850", "#fdae61", "#d7191c", "#bdbdbd", "#9ecae1", "#eeeeee"};
    private static final String[] NAMES = {"in time", "late", "overdue", "not yet due", "paused (materials owed)", "lifted"};

    private ChannelAccountPage() {}

    public static void write(List<ChannelAccount> accounts, String version, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Hotline channel report</title>\n<style>\n").append(HtmlReportWriter.css()).append("</style>\n</head>\n<body>\n");
        for (ChannelAccount a : accounts) {
            channel(sb, a);
        }
        sb.append("<footer>Hotline ").append(Html.esc(version)).append(". Every figure is computed from the concerns' signed"
                + " histories with the channel's terms; the partner's node computes the same from its own copy.</footer>\n");
        sb.append("</body>\n</html>\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void channel(StringBuilder sb, ChannelAccount a) {
        Channel c = a.channel();
        ChannelTerms t = c.terms();
        sb.append("<h1>").append(Html.esc(c.local().name())).append(" and ").append(Html.esc(c.partner().name()))
                .append(": was every concern answered, and in time?</h1>\n");
        sb.append("<p class=\"meta\">Channel ").append(Html.esc(c.id())).append("; ")
                .append(a.since() == null && a.until() == null ? "all concerns" : "concerns filed"
                        + (a.since() == null ? "" : " from " + Html.esc(a.since().toString()))
                        + (a.until() == null ? "" : " before " + Html.esc(a.until().toString())))
                .append("; as of ").append(Html.esc(a.asOf().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))
                .append(". Terms: acknowledge within ").append(Elapsed.format(t.acknowledgeWithin()))
                .append(", respond within ").append(Elapsed.format(t.respondWithin()))
                .append(" (the clock stops while materials are owed), materials within ").append(Elapsed.format(t.materialsWithin()))
                .append(" of a request.</p>\n");
        legend(sb);
        direction(sb, a, a.byUs());
        direction(sb, a, a.byPartner());
        sb.append("<section class=\"digest\"><h2>Digest</h2><p>SHA-256 over every counted concern's id and last message"
                + " hash: <code>").append(Html.esc(a.digest())).append("</code>. ")
                .append(Html.esc(c.partner().name())).append("'s page for the same period shows the same digest if both"
                        + " nodes hold the same histories.</p></section>\n");
    }

    private static void legend(StringBuilder sb) {
        sb.append("<p class=\"legend\">");
        for (int i = 0; i < ORDER.length; i++) {
            sb.append("<span><i style=\"background:").append(COLOURS[i]).append("\"></i>").append(NAMES[i]).append("</span>");
        }
        sb.append("</p>\n");
    }

    private static void direction(StringBuilder sb, ChannelAccount a, ChannelAccount.Direction d) {
        String filer = a.channel().nameOf(d.filer());
        String recipient = a.channel().nameOf(d.recipient());
        sb.append("<section class=\"direction\"><h2>Filed by ").append(Html.esc(filer)).append(" to ").append(Html.esc(recipient))
                .append(": ").append(d.concerns()).append(d.concerns() == 1 ? " concern" : " concerns").append("</h2>\n");
        if (d.concerns() == 0) {
            sb.append("<p class=\"none\">None in this period.</p></section>\n");
            return;
        }
        sb.append("<p>Time to acknowledge: median ").append(Elapsed.format(d.medianToAcknowledge())).append(", longest ")
                .append(Elapsed.format(d.longestToAcknowledge())).append(". Time to answer: median ")
                .append(Elapsed.format(d.medianToRespond())).append(", longest ").append(Elapsed.format(d.longestToRespond()))
                .append(".</p>\n");
        obligationBars(sb, d, filer, recipient);
        List<ChannelAccount.Entry> entries = a.concerns().stream().filter(e -> e.filer().equals(d.filer())).toList();
        timeline(sb, a, entries);
        table(sb, a, entries);
        sb.append("</section>\n");
    }

    private static void obligationBars(StringBuilder sb, ChannelAccount.Direction d, String filer, String recipient) {
        int rowH = 26;
        int labelW = 250;
        int barW = 560;
        int h = rowH * Obligation.Kind.values().length + 4;
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(labelW + barW + 10).append(' ').append(h)
                .append("\" role=\"img\" aria-label=\"What became of each obligation\">\n");
        int y = 2;
        for (Obligation.Kind k : Obligation.Kind.values()) {
            ChannelAccount.Tally t = d.obligations().get(k);
            int[] n = {t.onTime(), t.late(), t.overdue(), t.open(), t.paused(), t.lifted()};
            String who = k == Obligation.Kind.PROVIDE_MATERIALS ? filer : recipient;
            sb.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(Html.esc(k.title() + " (" + who + ")"))
                    .append("</text>\n");
            int total = t.total();
            double x = labelW;
            for (int i = 0; i < n.length; i++) {
                if (n[i] == 0) {
                    continue;
                }
                double w = barW * (double) n[i] / total;
                sb.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 3).append("\" width=\"").append(fmt(w))
                        .append("\" height=\"18\" fill=\"").append(COLOURS[i]).append("\"><title>").append(n[i]).append(' ')
                        .append(NAMES[i]).append("</title></rect>\n");
                if (w >= 18) {
                    sb.append("<text x=\"").append(fmt(x + 4)).append("\" y=\"").append(y + 16)
                            .append("\" font-weight=\"600\" fill=\"#111\">").append(n[i]).append("</text>\n");
                }
                x += w;
            }
            if (total == 0) {
                sb.append("<text class=\"v\" x=\"").append(labelW).append("\" y=\"").append(y + 16).append("\">none owed</text>\n");
            }
            y += rowH;
        }
        sb.append("</svg>\n");
    }

    /**
     * One row per concern from its filing to its answer, or to the report's time if it has none: the
     * line coloured by what became of the response, a tick at the acknowledgement coloured by its
     * outcome, and a dashed mark where the response was due.
     */
    private static void timeline(StringBuilder sb, ChannelAccount a, List<ChannelAccount.Entry> entries) {
        List<ChannelAccount.Entry> drawn = entries.subList(0, Math.min(entries.size(), TIMELINE_ROWS));
        Instant from = drawn.get(0).filed();
        Instant to = a.asOf();
        for (ChannelAccount.Entry e : drawn) {
            for (Obligation o : e.obligations()) {
                if (o.due() != null && o.due().isAfter(to)) {
                    to = o.due();
                }
            }
        }
        double span = Math.max(1, Duration.between(from, to).toMillis());
        int labelW = 250;
        int plotW = 560;
        int rowH = 16;
        int h = rowH * drawn.size() + 24;
        sb.append("<h3>Each concern, from filing to answer</h3>\n<svg class=\"chart\" viewBox=\"0 0 ").append(labelW + plotW + 10)
                .append(' ').append(h).append("\" role=\"img\" aria-label=\"Each concern from its filing to its answer\">\n");
        int y = 4;
        for (ChannelAccount.Entry e : drawn) {
            Obligation ack = first(e, Obligation.Kind.ACKNOWLEDGE);
            Obligation respond = first(e, Obligation.Kind.RESPOND);
            double x0 = labelW + plotW * Duration.between(from, e.filed()).toMillis() / span;
            Instant end = respond != null && respond.metAt() != null ? respond.metAt() : a.asOf();
            double x1 = labelW + plotW * Duration.between(from, end).toMillis() / span;
            String colour = respond == null ? COLOURS[3] : colour(respond.outcome());
            sb.append("<text x=\"0\" y=\"").append(y + 10).append("\">").append(Html.esc(shortId(e.id()) + "  " + e.state().id()))
                    .append("</text>\n");
            sb.append("<line x1=\"").append(fmt(x0)).append("\" y1=\"").append(y + 6).append("\" x2=\"").append(fmt(Math.max(x1, x0 + 1)))
                    .append("\" y2=\"").append(y + 6).append("\" stroke=\"").append(colour).append("\" stroke-width=\"6\"><title>")
                    .append(Html.esc(e.id() + ": filed " + e.filed() + (respond == null ? "" : "; response " + respond.outcome().id()
                            + (respond.metAt() == null ? "" : " at " + respond.metAt()))))
                    .append("</title></line>\n");
            if (ack != null && ack.metAt() != null) {
                double xa = labelW + plotW * Duration.between(from, ack.metAt()).toMillis() / span;
                sb.append("<rect x=\"").append(fmt(xa - 1)).append("\" y=\"").append(y).append("\" width=\"2\" height=\"12\" fill=\"")
                        .append(colour(ack.outcome())).append("\" stroke=\"#333\" stroke-width=\"0.5\"><title>acknowledged ")
                        .append(ack.outcome().id()).append(" at ").append(ack.metAt()).append("</title></rect>\n");
            }
            if (respond != null && respond.due() != null) {
                double xd = labelW + plotW * Duration.between(from, respond.due()).toMillis() / span;
                sb.append("<line x1=\"").append(fmt(xd)).append("\" y1=\"").append(y).append("\" x2=\"").append(fmt(xd))
                        .append("\" y2=\"").append(y + 12).append("\" stroke=\"#555\" stroke-dasharray=\"2,2\"><title>response due ")
                        .append(respond.due()).append("</title></line>\n");
            }
            y += rowH;
        }
        sb.append("<text class=\"v\" x=\"").append(labelW).append("\" y=\"").append(h - 4).append("\">")
                .append(Html.esc(from.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString())).append("</text>\n");
        sb.append("<text class=\"v\" x=\"").append(labelW + plotW).append("\" y=\"").append(h - 4).append("\" text-anchor=\"end\">")
                .append(Html.esc(to.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString())).append("</text>\n");
        sb.append("</svg>\n");
        if (drawn.size() < entries.size()) {
            sb.append("<p class=\"note\">The first ").append(drawn.size()).append(" of ").append(entries.size())
                    .append(" concerns are drawn; the table lists them all.</p>\n");
        }
    }

    private static void table(StringBuilder sb, ChannelAccount a, List<ChannelAccount.Entry> entries) {
        sb.append("<table><tr><th>Concern</th><th>Filed</th><th>State</th><th>Acknowledged</th><th>Answered</th>"
                + "<th>Materials</th><th class=\"n\">Messages</th><th>Last message</th></tr>\n");
        for (ChannelAccount.Entry e : entries) {
            sb.append("<tr><td>").append(Html.esc(e.id())).append("</td><td>").append(Html.esc(e.filed().toString()))
                    .append("</td><td>").append(Html.esc(e.state().id())).append("</td><td>")
                    .append(Html.esc(cell(first(e, Obligation.Kind.ACKNOWLEDGE)))).append("</td><td>")
                    .append(Html.esc(cell(first(e, Obligation.Kind.RESPOND)))).append("</td><td>")
                    .append(Html.esc(materials(e))).append("</td><td class=\"n\">").append(e.messages())
                    // The whole hash in the tooltip (and the JSON): sixteen digits tell two copies apart in a table.
                    .append("</td><td><code title=\"").append(Html.esc(e.head())).append("\">").append(Html.esc(e.head().substring(0, 16)))
                    .append("…</code></td></tr>\n");
        }
        sb.append("</table>\n");
    }

    /** "in time, after 2h 5m", "OVERDUE since 2021-09-20T08:00:00Z". */
    private static String cell(Obligation o) {
        if (o == null) {
            return "-";
        }
        return switch (o.outcome()) {
            case ON_TIME, LATE -> (o.outcome() == Obligation.Outcome.LATE ? "late" : "in time") + ", after " + Elapsed.format(o.took());
            case OVERDUE -> "OVERDUE since " + o.due();
            case OPEN -> "due " + o.due();
            case PAUSED -> "paused: materials owed";
            case LIFTED -> "no longer owed";
        };
    }

    private static String materials(ChannelAccount.Entry e) {
        List<Obligation> asked = e.obligations().stream().filter(o -> o.kind() == Obligation.Kind.PROVIDE_MATERIALS).toList();
        if (asked.isEmpty()) {
            return "-";
        }
        long met = asked.stream().filter(o -> o.outcome().met()).count();
        long late = asked.stream().filter(o -> o.outcome() == Obligation.Outcome.LATE).count();
        long overdue = asked.stream().filter(o -> o.outcome() == Obligation.Outcome.OVERDUE).count();
        return asked.size() + " asked, " + met + " given" + (late > 0 ? " (" + late + " late)" : "") + (overdue > 0 ? ", " + overdue + " OVERDUE" : "");
    }

    private static Obligation first(ChannelAccount.Entry e, Obligation.Kind kind) {
        return e.obligations().stream().filter(o -> o.kind() == kind).findFirst().orElse(null);
    }

    private static String colour(Obligation.Outcome outcome) {
        for (int i = 0; i < ORDER.length; i++) {
            if (ORDER[i] == outcome) {
                return COLOURS[i];
            }
        }
        return COLOURS[3];
    }

    private static String shortId(String id) {
        int dash = id.indexOf("--");
        return dash < 0 || id.length() < dash + 10 ? id : id.substring(0, dash + 10) + "…";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
