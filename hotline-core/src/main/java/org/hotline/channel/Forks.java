package org.hotline.channel;

import org.hotline.channel.port.ConcernStore;

/**
 * The channel's rule for a fork: both parties took a step after the same message, each before the
 * other's step reached it (both nodes were cut off, or the two steps crossed on the wire). Every
 * delivery carries the whole history, so retrying can never join the two branches; one step has to
 * stand and the other be set aside by its own author's node, which then may take it again on top.
 *
 * <p>Both nodes must pick the same step without talking to each other, from what both hold: the two
 * signed messages. The step taken first stands, by the {@code created} time its author signed; equal
 * times fall to the lower SHA-256 of the sealed message, which neither side chooses. A party could
 * backdate its steps to win forks, but only back to the message both follow (a step is never earlier
 * than its predecessor), and its signed times are evidence the other side keeps.
 */
public final class Forks {
    private Forks() {}

    /** Whether {@code incoming} stands against {@code ours}, the first step of each branch. */
    public static boolean incomingStands(Message incoming, Message ours) {
        int byTime = incoming.created().compareTo(ours.created());
        if (byTime != 0) {
            return byTime < 0;
        }
        return Seal.hash(incoming).compareTo(Seal.hash(ours)) < 0;
    }

    /** What an operator is told about a step of theirs that a fork was settled against. */
    public static String setAside(ConcernStore.Superseded s) {
        Message m = s.message();
        return "concern " + m.concernId() + ": this node's " + m.kind().id() + " " + m.id() + " (" + m.created()
                + ") was set aside because the partner's " + s.by() + " came first; take the step again if it still applies";
    }
}
