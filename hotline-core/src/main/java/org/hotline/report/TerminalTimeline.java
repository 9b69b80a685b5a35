package org.hotline.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.hotline.aggregate.AttacksSection;

/** Attacks over time as a bar per bucket, in the report's zone, showing at most a screenful. */
final class TerminalTimeline {
    private TerminalTimeline() {}

    static void render(StringBuilder sb, AttacksSection.TimeSeries series, int maxRows, int width) {
        TerminalReportWriter.title(sb, "ATTACKS OVER TIME, by the " + series.bucket() + " each began ("
                + series.timeZone() + "), all sources");
        List<AttacksSection.TimeBucket> buckets = series.buckets();
        if (buckets.isEmpty()) {
            sb.append("  (no dated attacks)\n\n");
            return;
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern(
                switch (series.bucket()) {
                    case "hour" -> "yyyy-MM-dd HH:00";
                    case "day" -> "yyyy-MM-dd";
                    default -> "yyyy-MM";
                }, Locale.ROOT).withZone(ZoneId.of(series.timeZone()));
        long most = 1;
        for (AttacksSection.TimeBucket b : buckets) {
            most = Math.max(most, b.attacks());
        }
        int barWidth = Math.max(10, width - 50);
        // Sparse inputs (logs from different years) give long runs of empty buckets: one line says
        // how long each run is, so the rows that are shown are the ones with attacks in them.
        int rows = 0;
        int i = 0;
        while (i < buckets.size() && rows < maxRows) {
            AttacksSection.TimeBucket b = buckets.get(i);
            if (b.attacks() == 0) {
                int end = i;
                while (end + 1 < buckets.size() && buckets.get(end + 1).attacks() == 0) {
                    end++;
                }
                if (end > i) {
                    sb.append(String.format(Locale.ROOT, "  %-16s %s\n", "...",
                            (end - i + 1) + " " + series.bucket() + "s without attacks, " + f.format(b.start())
                                    + " to " + f.format(buckets.get(end).start())));
                    rows++;
                    i = end + 1;
                    continue;
                }
            }
            int bar = (int) Math.round(b.attacks() * (double) barWidth / most);
            sb.append(String.format(Locale.ROOT, "  %-16s %8s att %7s src  %s\n", f.format(b.start()),
                    Cells.count(b.attacks()), Cells.count(b.sources()), "#".repeat(bar)));
            rows++;
            i++;
        }
        if (i < buckets.size()) {
            sb.append("  ... ").append(buckets.size() - i).append(" more ").append(series.bucket())
                    .append("s in --json, --csv and --html\n");
        }
        if (series.undatedAttacks() > 0) {
            sb.append("  ").append(Cells.count(series.undatedAttacks())).append(" attacks had no time.\n");
        }
        sb.append('\n');
    }
}
