package org.hotline.channel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.channel.account.History.RU;
import static org.hotline.channel.account.History.T0;
import static org.hotline.channel.account.History.TERMS;
import static org.hotline.channel.account.History.US;
import static org.hotline.channel.account.History.days;
import static org.hotline.channel.account.History.hours;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.channel.Channel;
import org.hotline.channel.Concern;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Party;
import org.hotline.report.html.ChannelAccountPage;
import org.junit.jupiter.api.Test;

/**
 * The page a consultation round would look at ({@code channel report --html}): what it draws must be
 * what the account says, it must load nothing, and names from partners' cards must stay text.
 */
class ChannelAccountPageTest {
    private static final Instant NOW = T0.plus(days(40));

    private static String page(Channel channel, List<Concern> concerns) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChannelAccountPage.write(List.of(ChannelAccount.of(channel, concerns, null, null, NOW)), "test", out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void drawsEachObligationsOutcomesAndEveryConcernAndLoadsNothing() throws Exception {
        History answered = new History(RU, days(0)).then(US, hours(2), new MessageBody.Acknowledgement(null))
                .then(US, days(5), new MessageBody.Response("a compromised VPS", List.of("taken offline"), MessageBody.Outcome.ACTION_TAKEN));
        History late = new History(RU, days(10)).then(US, hours(30), new MessageBody.Acknowledgement(null));   // ack late, answer overdue
        History silent = new History(RU, days(20));                                                          // both overdue
        List<Concern> held = List.of(Concern.of(answered.messages(), true, TERMS), Concern.of(late.messages(), true, TERMS),
                Concern.of(silent.messages(), true, TERMS));
        String html = page(History.seenBy(RU), held);

        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
        assertThat(html).doesNotContain("<script", "http://", "https://", "src=");
        // Acknowledge: 1 in time, 1 late, 1 overdue; respond: 1 in time, 2 overdue (worked out in ChannelAccountTest).
        assertThat(titles(html)).contains("1 in time", "1 late", "1 overdue", "2 overdue");
        for (Concern c : held) {
            assertThat(html).contains(c.id(), org.hotline.channel.Seal.head(c.history()));
        }
        assertThat(html).contains("in time, after 2h", "late, after 1d 6h", "OVERDUE since " + T0.plus(days(27)));
        assertThat(html).contains(ChannelAccount.of(History.seenBy(RU), held, null, null, NOW).digest());
        assertThat(html).contains("Filed by US-CERT to RU-CERT: 0 concerns", "None in this period.");
    }

    @Test
    void namesFromPartnersCardsAreEscaped() throws Exception {
        Party odd = new Party(US.id(), "<img src=x onerror=alert(1)>", "US", US.publicKey(), US.taxiiUrl());
        Channel channel = new Channel(Channel.idFor(RU.id(), US.id()), RU, odd, TERMS, T0);
        String html = page(channel, List.of(Concern.of(new History(RU, days(0)).messages(), true, TERMS)));
        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    /** The tooltips of the bars: "2 overdue" and the like. */
    private static List<String> titles(String html) {
        Matcher m = Pattern.compile("<rect [^>]*><title>([^<]*)</title>").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
