package org.hotline.channel.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hotline.channel.Channel;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernState;
import org.hotline.channel.Seal;

/**
 * What a channel's record shows about the concerns filed in a period, each way: how many, where they
 * stand, and whether every obligation was met in time (the founding dialogue's "we are responding to
 * all the concerns conveyed to us through the established channels", as numbers a partner can check).
 *
 * <p>Both nodes hold the same signed histories, so both compute the same account: the {@code digest}
 * over every counted concern's id and last message hash says so in one line. A digest that differs
 * means the two nodes do not hold the same histories (a concern one never received, a step still
 * undelivered), and the {@code concerns} list shows which.
 *
 * @param asOf      the time open obligations are judged against
 * @param since     concerns filed at or after this, or null for all
 * @param until     concerns filed before this, or null for all
 * @param byUs      concerns this node's party filed (the partner owes the answers)
 * @param byPartner concerns the partner filed (this party owes the answers)
 * @param concerns  every concern counted, oldest filing first
 * @param digest    SHA-256 of the lines "concern-id head-hash\n", sorted by id
 */
public record ChannelAccount(Channel channel, Instant asOf, Instant since, Instant until, Direction byUs,
                             Direction byPartner, List<Entry> concerns, String digest) {

    /** The concerns one party filed, and how the other side met what they asked of it. */
    public record Direction(String filer, String recipient, int concerns, Map<ConcernState, Integer> byState,
                            Map<Obligation.Kind, Tally> obligations, Duration medianToAcknowledge,
                            Duration longestToAcknowledge, Duration medianToRespond, Duration longestToRespond) {}

    /** How many obligations of one kind ended each way. */
    public record Tally(int onTime, int late, int open, int overdue, int paused, int lifted) {
        public int total() {
            return onTime + late + open + overdue + paused + lifted;
        }
    }

    /** One counted concern: enough to find it, and to compare it with the partner's copy. */
    public record Entry(String id, String filer, ConcernState state, int messages, String head, Instant filed,
                        List<Obligation> obligations) {}

    /**
     * @param concerns this node's concerns (any channel; drafts and other channels are left out)
     */
    public static ChannelAccount of(Channel channel, List<Concern> concerns, Instant since, Instant until, Instant asOf) {
        List<Entry> entries = new ArrayList<>();
        for (Concern c : concerns) {
            if (!c.channelId().equals(channel.id()) || c.state() == ConcernState.DRAFT
                    || (since != null && c.filed().isBefore(since)) || (until != null && !c.filed().isBefore(until))) {
                continue;
            }
            entries.add(new Entry(c.id(), c.filer(), c.state(), c.history().size(), Seal.head(c.history()), c.filed(),
                    Obligations.of(c.history(), channel.terms(), asOf)));
        }
        entries.sort(Comparator.comparing(Entry::filed).thenComparing(Entry::id));
        String self = channel.local().id();
        String partner = channel.partner().id();
        return new ChannelAccount(channel, asOf, since, until, direction(self, partner, entries),
                direction(partner, self, entries), List.copyOf(entries), digest(entries));
    }

    private static Direction direction(String filer, String recipient, List<Entry> all) {
        List<Entry> mine = all.stream().filter(e -> e.filer().equals(filer)).toList();
        Map<ConcernState, Integer> byState = new EnumMap<>(ConcernState.class);
        Map<Obligation.Kind, int[]> counts = new EnumMap<>(Obligation.Kind.class);
        for (Obligation.Kind k : Obligation.Kind.values()) {
            counts.put(k, new int[Obligation.Outcome.values().length]);
        }
        List<Duration> toAck = new ArrayList<>();
        List<Duration> toRespond = new ArrayList<>();
        for (Entry e : mine) {
            byState.merge(e.state(), 1, Integer::sum);
            for (Obligation o : e.obligations()) {
                counts.get(o.kind())[o.outcome().ordinal()]++;
                if (o.outcome().met() && o.kind() == Obligation.Kind.ACKNOWLEDGE) {
                    toAck.add(o.took());
                } else if (o.outcome().met() && o.kind() == Obligation.Kind.RESPOND) {
                    toRespond.add(o.took());
                }
            }
        }
        Map<Obligation.Kind, Tally> tallies = new EnumMap<>(Obligation.Kind.class);
        counts.forEach((k, n) -> tallies.put(k, new Tally(n[Obligation.Outcome.ON_TIME.ordinal()], n[Obligation.Outcome.LATE.ordinal()],
                n[Obligation.Outcome.OPEN.ordinal()], n[Obligation.Outcome.OVERDUE.ordinal()],
                n[Obligation.Outcome.PAUSED.ordinal()], n[Obligation.Outcome.LIFTED.ordinal()])));
        return new Direction(filer, recipient, mine.size(), byState, tallies, median(toAck), longest(toAck),
                median(toRespond), longest(toRespond));
    }

    /** The lower median: a duration that was actually taken, not an average of two. */
    private static Duration median(List<Duration> ds) {
        if (ds.isEmpty()) {
            return null;
        }
        List<Duration> sorted = ds.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static Duration longest(List<Duration> ds) {
        return ds.stream().max(Comparator.naturalOrder()).orElse(null);
    }

    private static String digest(List<Entry> entries) {
        StringBuilder lines = new StringBuilder();
        entries.stream().sorted(Comparator.comparing(Entry::id))
                .forEach(e -> lines.append(e.id()).append(' ').append(e.head()).append('\n'));
        return Seal.sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
}
