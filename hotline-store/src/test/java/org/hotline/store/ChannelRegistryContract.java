package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Party;
import org.hotline.channel.Tlp;
import org.junit.jupiter.api.Test;

/** {@link org.hotline.channel.port.ChannelRegistry}: channels with both parties and their terms, read back whole. */
interface ChannelRegistryContract extends DatabaseUnderTest {

    @Test
    default void aChannelIsReadBackWithBothPartiesAndItsTerms() {
        Parties p = new Parties();
        ChannelTerms terms = new ChannelTerms(EnumSet.of(Tlp.CLEAR, Tlp.AMBER_STRICT, Tlp.RED),
                EnumSet.of(ConcernKind.TAKEDOWN_REQUEST, ConcernKind.ATTACK_NOTIFICATION),
                Duration.ofMinutes(90), Duration.ofDays(3).plusMillis(1), Duration.ofHours(36));
        Party offline = new Party(p.us.id(), p.us.name(), p.us.country(), p.us.publicKey(), null);
        Channel channel = new Channel(p.channelId, p.ru, offline, terms, Parties.START);
        try (NodeDatabase db = open()) {
            db.channels().save(channel);
            assertThat(db.channels().channel(p.channelId)).contains(channel);
            assertThat(db.channels().channels()).containsExactly(channel);
            assertThat(db.channels().channel("channel--5f0e3b1a-8c2d-5e4f-9a6b-7c8d9e0f1a2b")).isEmpty();
        }
    }

    @Test
    default void savingAgainReplacesTheTermsAndThePartnersUrlAndKey() {
        Parties p = new Parties();
        Parties other = new Parties();
        try (NodeDatabase db = open()) {
            db.channels().save(p.channelSeenBy(p.ru));
            db.channels().save(other.channelSeenBy(other.ru));
            Party moved = new Party(p.us.id(), "US-CERT (CISA)", "US", other.usKey.publicKey(),
                    java.net.URI.create("https://cisa.example/taxii2/hotline/"));
            ChannelTerms faster = new ChannelTerms(EnumSet.of(Tlp.GREEN), EnumSet.allOf(ConcernKind.class),
                    Duration.ofHours(4), Duration.ofDays(2), Duration.ofDays(2));
            Channel updated = new Channel(p.channelId, p.ru, moved, faster, Parties.START);
            db.channels().save(updated);

            assertThat(db.channels().channel(p.channelId)).contains(updated);
            assertThat(db.channels().channels()).hasSize(2).contains(updated, other.channelSeenBy(other.ru));
        }
    }
}
