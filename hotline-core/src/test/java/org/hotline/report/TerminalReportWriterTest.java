package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotline.aggregate.FixtureReport;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.OriginReportBuilder;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;
import org.junit.jupiter.api.Test;

class TerminalReportWriterTest {

    @Test
    void fitsA100ColumnTerminalWithWarningsFirstAndTheMethodLast() throws IOException {
        String text = write(FixtureReport.build());
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        assertThat(text.indexOf("WARNINGS")).isLessThan(text.indexOf("SOURCES BY COUNTRY"));
        assertThat(text.indexOf("SOURCES BY COUNTRY")).isLessThan(text.indexOf("METHOD AND CAVEATS"));
        // The headline gives the share with its unit and denominator (C5.21); prose is wrapped, so compare words.
        String prose = text.replaceAll("\\s+", " ");
        assertThat(prose).contains("Of 14 handshake-verified, routable, non-Tor attacking addresses, 50.0% are located in US");
        assertThat(prose).contains("Kept out of this share: 1 Tor exit, 0 non-routable, 5 unverified and 5 reflected");
        assertThat(text).contains("INPUT (lines = parsed + ignored + skipped)", "accesslog/apache-1000.log");
        assertThat(text).contains("not who the attacker is");
    }

    @Test
    void controlCharactersFromLogsCannotReachTheTerminal() throws IOException {
        String evil = "http \u001b[2J\u001b]0;pwned\u0007 host\u202e";
        Attack a = new Attack(AttackType.WEB_EXPLOIT, "probe", IpAddress.parse("83.149.9.216"), evil,
                1431857103000L, 1431857103000L, 1, -1, -1, Verification.HANDSHAKE, List.of(new InputPosition("A", 1)));
        String text = write(OriginReportBuilder.build(FixtureReport.input(List.of(a))));
        assertThat(text).doesNotContain("\u001b", "\u0007", "\u202e").contains("http ?[2J?]0;pwned? host?");
    }

    @Test
    void aSavedReportSomeoneElseWroteCannotReachTheTerminalEitherWhereverItsTextIs() throws IOException {
        // hotline report reads reports from anyone: the version in the headline is no log text, yet came raw.
        OriginReport fixture = FixtureReport.build();
        OriginReport.Run run = fixture.run();
        OriginReport crafted = new OriginReport(fixture.schema(), new OriginReport.Run("1.0 \u001b[2J\u202e", run.generatedAt(),
                run.timeZone(), run.settings()), fixture.input(), fixture.databases(), fixture.warnings(), fixture.events(),
                fixture.attacks(), fixture.caveats());
        assertThat(write(crafted)).doesNotContain("\u001b", "\u202e").startsWith("Hotline 1.0 ?[2J? origin report");
    }

    @Test
    void monthsWithoutAttacksCollapseIntoOneLineSoLaterAttacksStayOnScreen() throws IOException {
        // The bundled samples span 2015 to 2026: without collapsing, 84 empty months pushed the
        // brute force of February 2026 off the terminal table.
        Attack may2015 = new Attack(AttackType.WEB_EXPLOIT, "probe", IpAddress.parse("83.149.9.216"), "http",
                1431857103000L, 1431857103000L, 1, -1, -1, Verification.HANDSHAKE, List.of(new InputPosition("A", 1)));
        Attack feb2026 = new Attack(AttackType.BRUTE_FORCE, "ssh", IpAddress.parse("202.109.143.106"), "ssh",
                1771754400000L, 1771754400000L, 213, -1, -1, Verification.HANDSHAKE, List.of(new InputPosition("B", 1)));
        String text = write(OriginReportBuilder.build(FixtureReport.input(List.of(may2015, feb2026))));
        assertThat(text).contains("  2015-05 ", "  2026-02 ", "128 months without attacks, 2015-06 to 2026-01")
                .doesNotContain("  2015-06 ", "more months");
    }

    private static String write(OriginReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TerminalReportWriter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
