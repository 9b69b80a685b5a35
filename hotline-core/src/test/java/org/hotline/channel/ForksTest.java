package org.hotline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fork rule must give both nodes the same answer from the same two messages, whichever of them
 * each node holds as its own: so for any two distinct steps exactly one stands.
 */
class ForksTest {
    private final TwoParties p = new TwoParties();
    private final Message filing = p.filing();
    private final Message ack = p.next(List.of(filing), p.us, new MessageBody.Acknowledgement(null));

    @Test
    void theStepSignedFirstStandsWhicheverNodeAsks() {
        Message response = p.next(List.of(filing, ack), p.us, new MessageBody.StatusUpdate("looking at the provider"));
        Message later = p.next(List.of(filing, ack), p.ru, new MessageBody.StatusUpdate("the attacks go on"));
        assertThat(later.created()).isAfter(response.created());

        assertThat(Forks.incomingStands(response, later)).as("on RU's node").isTrue();
        assertThat(Forks.incomingStands(later, response)).as("on US's node").isFalse();
    }

    @Test
    void stepsSignedAtTheSameInstantFallToTheLowerHashOnBothNodes() {
        Message us = p.next(List.of(filing, ack), p.us, new MessageBody.StatusUpdate("looking at the provider"));
        Message ru = Seal.sign(new Message(Ids.random("note"), filing.concernId(), p.ru.id(), us.created(),
                new MessageBody.StatusUpdate("the attacks go on"), Seal.hash(ack), null), p.ruKey);
        assertThat(ru.created()).isEqualTo(us.created());

        boolean usStands = Seal.hash(us).compareTo(Seal.hash(ru)) < 0;
        assertThat(Forks.incomingStands(us, ru)).isEqualTo(usStands);
        assertThat(Forks.incomingStands(ru, us)).isEqualTo(!usStands);
    }
}
