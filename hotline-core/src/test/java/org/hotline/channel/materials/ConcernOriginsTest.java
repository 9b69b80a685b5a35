package org.hotline.channel.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Ed25519;
import org.hotline.channel.Ids;
import org.hotline.channel.Materials;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Party;
import org.hotline.channel.Seal;
import org.hotline.channel.Severity;
import org.hotline.channel.Tlp;
import org.junit.jupiter.api.Test;

/**
 * Real signed histories between two parties; the expected rows are worked out by hand from the
 * sightings each step names (see the test's comments), not by the code under test.
 */
class ConcernOriginsTest {
    static final Instant T0 = Instant.parse("2021-09-19T08:00:00Z");
    final Ed25519 ruKey = Ed25519.generate();
    final Ed25519 usKey = Ed25519.generate();
    final Party ru = new Party(Ids.random("identity"), "RU-CERT", "RU", ruKey.publicKey(), URI.create("https://127.0.0.1:9101/taxii2/ru/"));
    final Party us = new Party(Ids.random("identity"), "US-CERT", "US", usKey.publicKey(), URI.create("https://127.0.0.1:9102/taxii2/us/"));

    @Test
    void eachAddressCountsOnceInTheCountryItsNewestSetGivesWithTheLargestCountAnySetGives() {
        // A, RU -> US: filed with 198.51.100.23 (US, 412) and 203.0.113.9 (NL, 7); at +3h RU provides a
        // second set restating 198.51.100.23 with 500 events, and 192.0.2.77 (US, 3).
        Concern a = concern(ru, Duration.ZERO, materials(sighting("198.51.100.23", "US", 412), sighting("203.0.113.9", "NL", 7)),
                new MessageBody.Acknowledgement(null), new MessageBody.MaterialsRequest("more"),
                new MessageBody.MaterialsProvided("here", materials(sighting("198.51.100.23", "US", 500), sighting("192.0.2.77", "US", 3))));
        // B, US -> RU, a day later: names 198.51.100.23 again, now located in CA (a newer database), 20
        // events; and 2001:db8::1 with no country.
        Concern b = concern(us, Duration.ofDays(1), materials(sighting("198.51.100.23", "CA", 20), sighting("2001:db8::1", null, 5)));
        // C: no materials at all.
        Concern c = concern(ru, Duration.ofDays(2), null);

        ConcernOrigins o = ConcernOrigins.of(List.of(a, b, c));

        // 198.51.100.23: CA (B's filing is the newest set naming it), max(412, 500, 20) = 500 events,
        // named by A and B; 203.0.113.9: NL, 7; 192.0.2.77: US, 3; 2001:db8::1: unknown, 5.
        // Each country holds one of the four sources (25 %); ordered by events, unknown last.
        assertThat(o.countries()).containsExactly(
                new ConcernOrigins.Row("CA", 1, 25.0, 500, sorted(a.id(), b.id())),
                new ConcernOrigins.Row("NL", 1, 25.0, 7, List.of(a.id())),
                new ConcernOrigins.Row("US", 1, 25.0, 3, List.of(a.id())),
                new ConcernOrigins.Row(null, 1, 25.0, 5, List.of(b.id())));
        assertThat(o.countries().get(0).concerns()).isEqualTo(2);
        assertThat(o.concerns()).isEqualTo(3);
        assertThat(o.withMaterials()).isEqualTo(2);
        assertThat(o.sources()).isEqualTo(4);
        assertThat(o.events()).isEqualTo(500 + 7 + 3 + 5);
    }

    @Test
    void moreSourcesComeFirstAndSharesAreOfAllSources() {
        // Two US sources and one NL source: US 66.7 %, NL 33.3 %, though NL has more events.
        Concern a = concern(ru, Duration.ZERO, materials(sighting("198.51.100.23", "US", 1), sighting("198.51.100.24", "US", 1),
                sighting("203.0.113.9", "NL", 90)));
        assertThat(ConcernOrigins.of(List.of(a)).countries()).containsExactly(
                new ConcernOrigins.Row("US", 2, 66.7, 2, List.of(a.id())),
                new ConcernOrigins.Row("NL", 1, 33.3, 90, List.of(a.id())));
    }

    @Test
    void oneAddressSpeltTwoWaysIsOneSourceAndCountsAsLargeAsALongDoNotWrap() {
        // From the review: a partner's 2A00:1450:0:0::1 beside 2a00:1450::1 made two German sources, and two
        // counts of Long.MAX_VALUE wrapped to a negative number of events.
        Concern a = concern(ru, Duration.ZERO, materials(sighting("2a00:1450::1", "DE", 3), sighting("2A00:1450:0:0::1", "DE", 5),
                sighting("203.0.113.1", "FR", Long.MAX_VALUE), sighting("203.0.113.2", "FR", Long.MAX_VALUE)));
        ConcernOrigins o = ConcernOrigins.of(List.of(a));
        assertThat(o.countries()).containsExactly(
                new ConcernOrigins.Row("FR", 2, 66.7, Long.MAX_VALUE, List.of(a.id())),
                new ConcernOrigins.Row("DE", 1, 33.3, 5, List.of(a.id())));
        assertThat(o.events()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void setsAnEarlierVersionStoredUncheckedAreCountedAsWellAsTheyCanBe() {
        // Before materials were checked on arrival: a lower-case 'us' is US, anything else of unknown location.
        Concern a = concern(ru, Duration.ZERO, materials(sighting("198.51.100.23", "us", 2), sighting("198.51.100.24", "U$", 3)));
        assertThat(ConcernOrigins.of(List.of(a)).countries()).containsExactly(
                new ConcernOrigins.Row("US", 1, 50.0, 2, List.of(a.id())),
                new ConcernOrigins.Row(null, 1, 50.0, 3, List.of(a.id())));
    }

    @Test
    void noConcernsOrNoMaterialsGiveNoRows() {
        assertThat(ConcernOrigins.of(List.of())).isEqualTo(new ConcernOrigins(0, 0, 0, 0, List.of()));
        ConcernOrigins bare = ConcernOrigins.of(List.of(concern(us, Duration.ZERO, null)));
        assertThat(bare.countries()).isEmpty();
        assertThat(bare.concerns()).isEqualTo(1);
        assertThat(bare.withMaterials()).isZero();
    }

    private static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    private static Materials.Sighting sighting(String address, String country, long count) {
        return new Materials.Sighting(address, 64496, "Example Hosting", country, count,
                Instant.parse("2021-09-17T10:05:03Z"), Instant.parse("2021-09-19T07:59:00Z"), List.of("brute-force"));
    }

    private static Materials materials(Materials.Sighting... sightings) {
        return new Materials(Ids.random("grouping"), "sources seen attacking the election commission", List.of(sightings), List.of(), null);
    }

    /** A concern {@code filer} files at T0 + {@code at}, and steps after it an hour apart, taken by whoever may. */
    private Concern concern(Party filer, Duration at, Materials filed, MessageBody... steps) {
        Party to = filer == ru ? us : ru;
        Instant t = T0.plus(at);
        String id = Ids.random("incident");
        MessageBody.Filing body = new MessageBody.Filing(Channel.idFor(ru.id(), us.id()), to.id(), ConcernKind.REQUEST_FOR_INVESTIGATION,
                "SSH brute force", "from the partner's address space", Severity.HIGH, Tlp.AMBER, filed);
        List<Message> history = new ArrayList<>();
        history.add(Seal.sign(new Message(id, id, filer.id(), t, body, null, null), key(filer)));
        for (MessageBody step : steps) {
            // Materials come from the filer; acknowledgements and requests from the recipient.
            Party author = step instanceof MessageBody.MaterialsProvided ? filer : to;
            t = t.plus(Duration.ofHours(1));
            Message last = history.get(history.size() - 1);
            history.add(Seal.sign(new Message(Ids.random("note"), id, author.id(), t, step, Seal.hash(last), null), key(author)));
        }
        return Concern.of(history, true, ChannelTerms.defaults());
    }

    private Ed25519 key(Party p) {
        return p == ru ? ruKey : usKey;
    }
}
