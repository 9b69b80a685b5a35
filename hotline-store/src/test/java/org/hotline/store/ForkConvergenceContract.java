package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotline.channel.ConcernLifecycle.Role;
import org.hotline.channel.ConcernState;
import org.hotline.channel.HistoryCheck;
import org.hotline.channel.Message;
import org.hotline.channel.MessageKind;
import org.hotline.channel.SampleSteps;
import org.hotline.channel.port.ConcernStore;
import org.junit.jupiter.api.Test;

/**
 * Whatever the two parties do while their link comes and goes, once it is back and both outboxes
 * have drained, the two nodes hold the same verified history and nothing is left to deliver. Each
 * walk (a fixed seed) mixes steps either side may take by the lifecycle as each node sees it,
 * deliveries, links cut and restored, and time passing (sometimes none, so steps cross at the same
 * instant); forks arise wherever both act while cut off, and the fork rule must settle every one.
 */
interface ForkConvergenceContract extends DatabaseUnderTest {
    Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    @Test
    default void twoNodesActingAtRandomWhileCutOffAndBackEndWithOneHistory() {
        Random random = new Random(20210930);
        int forks = 0;
        for (int walk = 0; walk < 12; walk++) {
            try (TwoNodes n = new TwoNodes(this)) {
                String id = n.acknowledgedThenCutOff();
                boolean ruUp = false;
                boolean usUp = false;
                for (int step = 0; step < 14; step++) {
                    switch (random.nextInt(6)) {
                        case 0, 1 -> act(n, n.ru, Role.FILER, id, random);
                        case 2, 3 -> act(n, n.us, Role.RECIPIENT, id, random);
                        case 4 -> (random.nextBoolean() ? n.ru : n.us).deliver();
                        default -> {
                            if (random.nextBoolean()) {
                                ruUp = !ruUp;
                                link(n, n.parties.ru.id(), ruUp);
                            } else {
                                usUp = !usUp;
                                link(n, n.parties.us.id(), usUp);
                            }
                        }
                    }
                    if (random.nextInt(3) > 0) {
                        n.clock.advance(Duration.ofMinutes(random.nextInt(180)));
                    }
                }
                n.transport.up(n.parties.ru.id());
                n.transport.up(n.parties.us.id());
                for (int round = 0; round < 6; round++) {
                    n.clock.advance(Duration.ofHours(2));   // past any backoff (capped at an hour)
                    n.ru.deliver();
                    n.us.deliver();
                }
                List<Message> onRu = n.ru.db.concerns().history(id);
                assertThat(n.us.db.concerns().history(id)).as("walk %d", walk).isEqualTo(onRu);
                assertThat(HistoryCheck.problems(onRu, n.parties.keys)).isEmpty();
                assertThat(n.ru.db.outbox().due(FAR, 100)).as("walk %d: RU has nothing left to deliver", walk).isEmpty();
                assertThat(n.us.db.outbox().due(FAR, 100)).as("walk %d: US has nothing left to deliver", walk).isEmpty();
                for (TwoNodes.Node node : List.of(n.ru, n.us)) {
                    for (ConcernStore.Superseded x : node.db.concerns().superseded(id)) {
                        assertThat(x.message().author()).as("a node sets aside only its own steps").isEqualTo(node.party.id());
                        assertThat(onRu).doesNotContain(x.message());
                        forks++;
                    }
                }
            }
        }
        assertThat(forks).as("the walks made forks to settle").isPositive();
    }

    private static void link(TwoNodes n, String party, boolean up) {
        if (up) {
            n.transport.up(party);
        } else {
            n.transport.down(party);
        }
    }

    /** A step this side may take as its own node sees the concern, if any. */
    private static void act(TwoNodes n, TwoNodes.Node node, Role role, String id, Random random) {
        ConcernState state = node.desk.concern(id).state();
        if (state.isTerminal()) {
            return;
        }
        List<MessageKind> allowed = SampleSteps.sendable(state, role);
        if (allowed.isEmpty()) {
            return;
        }
        node.desk.act(id, SampleSteps.body(allowed.get(random.nextInt(allowed.size()))));
    }
}
