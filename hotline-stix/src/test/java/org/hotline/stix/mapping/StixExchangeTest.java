package org.hotline.stix.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.ConcernState;
import org.hotline.channel.HistoryCheck;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.stix.MemoryNode;
import org.hotline.stix.StixJson;
import org.hotline.stix.TwoNodes;
import org.hotline.stix.validate.StixValidator;
import org.junit.jupiter.api.Test;

/**
 * Two nodes that only ever see each other's STIX: every delivery is the sender's whole history
 * rendered, written as JSON text, read back by the receiver and handed to its desk, the way the TAXII
 * transport and server will. At the end both nodes hold the same verified history and export the
 * same bytes.
 */
class StixExchangeTest {
    private final StixReader reader = new StixReader(StixValidator.standard());
    private final List<ConcernDesk.Receipt> receipts = new ArrayList<>();

    @Test
    void aFullConcernTravelsAsStixAndBothNodesEndWithTheSameExport() {
        TwoNodes nodes = new TwoNodes(this::overStix);
        List<Message> history = nodes.fullHistory();
        String concernId = history.get(0).concernId();

        assertThat(nodes.us.history(concernId)).isEqualTo(history);
        assertThat(HistoryCheck.problems(nodes.us.history(concernId), nodes.keys())).isEmpty();
        assertThat(nodes.us.desk.concern(concernId).state()).isEqualTo(ConcernState.CLOSED);
        assertThat(nodes.ru.desk.concern(concernId).state()).isEqualTo(ConcernState.CLOSED);
        // 7 relays of histories of 1..7 messages: each message is applied once (7) and every later
        // delivery of it is a duplicate (1+2+...+7 - 7 = 21).
        assertThat(receipts.stream().filter(r -> r == ConcernDesk.Receipt.APPLIED)).hasSize(7);
        assertThat(receipts.stream().filter(r -> r == ConcernDesk.Receipt.DUPLICATE)).hasSize(21);

        String atRu = StixJson.write(ConcernExport.bundle(nodes.ru.history(concernId), List.of(nodes.ru.party, nodes.us.party)));
        String atUs = StixJson.write(ConcernExport.bundle(nodes.us.history(concernId), List.of(nodes.us.party, nodes.ru.party)));
        assertThat(atUs).isEqualTo(atRu);
    }

    @Test
    void theOtherEndingsTravelToo() {
        TwoNodes nodes = new TwoNodes(this::overStix);
        assertThat(nodes.us.desk.concern(nodes.rejectedHistory().get(0).concernId()).state()).isEqualTo(ConcernState.REJECTED);
        assertThat(nodes.us.desk.concern(nodes.withdrawnHistory().get(0).concernId()).state()).isEqualTo(ConcernState.WITHDRAWN);
    }

    @Test
    void aRedeliveredEnvelopeChangesNothing() {
        TwoNodes nodes = new TwoNodes(this::overStix);
        List<Message> history = nodes.rejectedHistory();
        receipts.clear();
        overStix(nodes.ru, nodes.us, history.get(0).concernId());
        assertThat(receipts).containsOnly(ConcernDesk.Receipt.DUPLICATE).hasSize(2);
        assertThat(nodes.us.history(history.get(0).concernId())).isEqualTo(history);
    }

    private void overStix(MemoryNode from, MemoryNode to, String concernId) {
        List<Message> history = from.history(concernId);
        String wire = StixJson.write(ConcernExport.envelope(ConcernExport.objects(history, List.of(from.party, to.party))));
        Decoded d = reader.read(StixJson.read(wire), id -> to.history(id).isEmpty() ? Optional.empty()
                : Optional.of(((MessageBody.Filing) to.history(id).get(0).body()).tlp()));
        assertThat(d.refused()).isEmpty();
        for (Decoded.Carried c : d.messages()) {
            receipts.add(to.desk.receive(c.message()));
        }
    }
}
