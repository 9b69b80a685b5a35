package org.hotline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealTest {
    private final TwoParties p = new TwoParties();

    private List<Message> fullHistory() {
        List<Message> h = new ArrayList<>();
        h.add(p.filing());
        h.add(p.next(h, p.us, new MessageBody.Acknowledgement("received, looking into it")));
        h.add(p.next(h, p.us, new MessageBody.MaterialsRequest("full auth.log for 17-19 September")));
        h.add(p.next(h, p.ru, new MessageBody.MaterialsProvided("attached", p.materials())));
        h.add(p.next(h, p.us, new MessageBody.StatusUpdate("contacted the hosting provider")));
        h.add(p.next(h, p.us, new MessageBody.Response("the host was a compromised VPS", List.of("notified the provider",
                "server taken offline"), MessageBody.Outcome.ACTION_TAKEN)));
        h.add(p.next(h, p.ru, new MessageBody.Closure("thank you")));
        return h;
    }

    @Test
    void everyKindOfMessageRoundTripsThroughItsCanonicalForm() {
        List<Message> history = fullHistory();
        history.add(p.next(history.subList(0, 1), p.us, new MessageBody.Rejection("not our jurisdiction")));
        history.add(p.next(history.subList(0, 1), p.ru, new MessageBody.Withdrawal("filed in error")));
        for (Message m : history) {
            assertThat(CanonicalForm.message(CanonicalForm.tree(m))).isEqualTo(m);
        }
    }

    @Test
    void aWholeHistoryVerifies() {
        assertThat(HistoryCheck.problems(fullHistory(), p.keys)).isEmpty();
    }

    @Test
    void anyChangeToAMessageBreaksItsSignature() {
        List<Message> history = fullHistory();
        Message response = history.get(5);
        MessageBody.Response body = (MessageBody.Response) response.body();
        Message altered = new Message(response.id(), response.concernId(), response.author(), response.created(),
                new MessageBody.Response(body.findings(), body.actions(), MessageBody.Outcome.NO_EVIDENCE_FOUND),
                response.previousHash(), response.signature());
        assertThat(Seal.verify(response, p.us.publicKey())).isTrue();
        assertThat(Seal.verify(altered, p.us.publicKey())).isFalse();
        history.set(5, altered);
        assertThat(HistoryCheck.problems(history, p.keys))
                .anySatisfy(s -> assertThat(s).contains("message 6 (response").contains("signature does not verify"))
                .anySatisfy(s -> assertThat(s).contains("message 7").contains("previous hash"));
    }

    @Test
    void signedByTheWrongPartyDoesNotVerify() {
        Message filing = p.filing();
        Message forged = Seal.sign(filing.withSignature(null), p.usKey);
        assertThat(Seal.verify(forged, p.ru.publicKey())).isFalse();
    }

    @Test
    void droppingOrReorderingMessagesBreaksTheChain() {
        List<Message> history = fullHistory();
        List<Message> dropped = new ArrayList<>(history);
        dropped.remove(2);
        assertThat(HistoryCheck.problems(dropped, p.keys)).singleElement().asString()
                .startsWith("message 3 (materials-provided");
        List<Message> swapped = new ArrayList<>(history);
        swapped.set(3, history.get(4));
        swapped.set(4, history.get(3));
        assertThat(HistoryCheck.problems(swapped, p.keys)).hasSize(3);
    }
}
