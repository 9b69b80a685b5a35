package org.hotline.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.hotline.channel.Channel;
import org.hotline.channel.Ids;
import org.junit.jupiter.api.Test;

class TaxiiCollectionsTest {

    @Test
    void bothNodesDeriveTheSameCollectionIdsFromTheChannel() {
        String ru = Ids.random("identity");
        String us = Ids.random("identity");
        String seenByRu = Channel.idFor(ru, us);
        String seenByUs = Channel.idFor(us, ru);
        assertThat(TaxiiCollections.inbox(seenByUs)).isEqualTo(TaxiiCollections.inbox(seenByRu));
        assertThat(TaxiiCollections.shared(seenByUs)).isEqualTo(TaxiiCollections.shared(seenByRu));
        assertThat(TaxiiCollections.inbox(seenByRu)).isNotEqualTo(TaxiiCollections.shared(seenByRu));
        assertThat(UUID.fromString(TaxiiCollections.inbox(seenByRu)).version()).isEqualTo(5);
        assertThat(TaxiiCollections.inbox(Channel.idFor(ru, Ids.random("identity")))).isNotEqualTo(TaxiiCollections.inbox(seenByRu));
    }

    @Test
    void onlyAChannelIdNamesCollections() {
        assertThatThrownBy(() -> TaxiiCollections.inbox("identity--8c6af861-7b20-41ef-9b59-6344fd872a8f"))
                .hasMessageContaining("not a channel id");
    }
}
