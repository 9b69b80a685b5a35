package org.hotline.parse.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.HttpRequest;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.parse.ParseRun;
import org.hotline.parse.Parser;
import org.hotline.parse.ParserContract;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

class CombinedLogParserTest implements ParserContract {
    private static final String ELASTIC = "parse/combined/elastic-apache-access.log.gz";

    @Override
    public String format() {
        return "combined";
    }

    @Override
    public List<String> fixtures() {
        return List.of(ELASTIC, "parse/combined/crowdsec-apache2.log", "parse/combined/crowdsec-nginx.log",
                "parse/combined/crowdsec-apache2-tls-requests.log", "parse/combined/crowdsec-nginx-binary-requests.log",
                "parse/combined/crowdsec-ipv6.log");
    }

    @Override
    public String truncatedLine() {
        // The elastic sample's first line, cut inside the request.
        return "83.149.9.216 - - [17/May/2015:10:05:03 +0000] \"GET /presentations/logstash-monitorama-2013/imag";
    }

    private static ParseRun run(String fixture) {
        return ParseRun.file(Parsers.byName("combined"), ParseRun.resource(fixture));
    }

    private static ParseRun inline(String... lines) {
        return ParseRun.lines(new CombinedLogParser(ParseRun.inline()), lines);
    }

    private static HttpRequest http(Event e) {
        return e.detail(HttpRequest.class);
    }

    @Test
    void elasticSampleEventsPerStatus() {
        // zcat elastic-apache-access.log.gz | awk -F'"' '{split($3,a," "); print a[1]}' | sort | uniq -c
        Map<Integer, Long> perStatus = run(ELASTIC).events.stream()
                .collect(Collectors.groupingBy(e -> http(e).status(), TreeMap::new, Collectors.counting()));
        assertThat(perStatus).isEqualTo(Map.of(200, 9126L, 206, 45L, 301, 164L, 304, 445L, 403, 2L, 404, 213L,
                416, 2L, 500, 3L));
    }

    @Test
    void elasticSampleSourcesMethodsAndBytes() {
        ParseRun run = run(ELASTIC);
        assertThat(run.events).hasSize(10_000);
        assertThat(run.malformed).isEmpty();
        // zcat ... | awk '{print $1}' | sort -u | wc -l
        assertThat(run.events.stream().map(Event::source).distinct().count()).isEqualTo(1753);
        // zcat ... | awk -F'"' '{split($2,r," "); print r[1]}' | sort | uniq -c
        assertThat(run.events.stream().collect(Collectors.groupingBy(e -> http(e).method(), Collectors.counting())))
                .isEqualTo(Map.of("GET", 9952L, "HEAD", 42L, "POST", 5L, "OPTIONS", 1L));
        // zcat ... | awk -F'"' '{split($3,a," "); if (a[2]=="-") n++; else s+=a[2]} END {printf "%d %.0f\n", n, s}'
        assertThat(run.count(e -> e.bytes() == -1)).isEqualTo(669);
        assertThat(run.events.stream().filter(e -> e.bytes() >= 0).mapToLong(Event::bytes).sum())
                .isEqualTo(2_747_282_740L);
        // zcat ... | awk '{print $1}' | sort | uniq -c | sort -rn | head -1
        assertThat(run.count(e -> e.source().equals(IpAddress.parse("66.249.73.135")))).isEqualTo(482);
        // zcat ... | awk -F'"' '$6=="-"' | wc -l
        assertThat(run.count(e -> http(e).userAgent() == null)).isEqualTo(190);
        assertThat(run.events).allMatch(e -> e.handshake() && e.outcome() == Outcome.REQUEST
                && e.protocol() == Protocol.TCP && "http".equals(e.service()) && e.destination() == null);
    }

    @Test
    void elasticFirstLineBecomesThisEvent() {
        Event e = run(ELASTIC).events.get(0);
        assertThat(e.time()).isEqualTo(Instant.parse("2015-05-17T10:05:03Z").toEpochMilli());
        assertThat(e.source()).isEqualTo(IpAddress.parse("83.149.9.216"));
        assertThat(e.bytes()).isEqualTo(203023);
        assertThat(http(e)).isEqualTo(new HttpRequest("GET",
                "/presentations/logstash-monitorama-2013/images/kibana-search.png", 200,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/32.0.1700.77 Safari/537.36", null));
    }

    @Test
    void userAgentWithoutClosingQuoteRunsToTheEndOfTheLine() {
        // zcat ... | awk -F'"' 'NF!=7 {print NR}'  → 8899, the only line with a quote missing
        Event e = run(ELASTIC).events.get(8898);
        assertThat(e.position().line()).isEqualTo(8899);
        assertThat(http(e).userAgent()).isEqualTo("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html");
    }

    @Test
    void crowdsecApacheSampleWithVhostsCommonLinesAndErrorLogLines() {
        ParseRun run = run("parse/combined/crowdsec-apache2.log");
        assertThat(run.events).hasSize(7);
        // Lines 8 and 9 are Apache *error* log lines that the test file mixes in.
        assertThat(run.malformed).extracting(ParseRun.Malformed::line).containsExactly(8L, 9L);
        assertThat(run.malformed.get(0).reason()).isEqualTo("no client address at column 1 ('[Thu')");
        Event vhost = run.events.get(3);
        assertThat(vhost.source()).isEqualTo(IpAddress.parse("1.2.3.4"));
        assertThat(http(vhost).host()).isEqualTo("www.crowdsec.net");
        Event common = run.events.get(5);
        assertThat(http(common).userAgent()).isNull();
        assertThat(common.time()).isEqualTo(Instant.parse("2021-03-05T08:01:38Z").toEpochMilli());
        Event vhostWithPort = run.events.get(6);
        assertThat(http(vhostWithPort).host()).isEqualTo("website.com");
        assertThat(http(vhostWithPort).userAgent()).isEqualTo("User-agent-string");
        assertThat(http(run.events.get(1)).userAgent()).isEqualTo("masscan/1.0 (https://github.com/robertdavidgraham/masscan)");
    }

    @Test
    void nginxSampleWithMissingUserFieldAndAnErrorLogLine() {
        ParseRun run = run("parse/combined/crowdsec-nginx.log");
        assertThat(run.events).hasSize(8);
        assertThat(run.malformed).extracting(ParseRun.Malformed::line).containsExactly(9L);
        assertThat(http(run.events.get(5)).host()).isEqualTo("www.crowdsec11.net");
        assertThat(run.events.get(7).source()).isEqualTo(IpAddress.parse("192.168.1.1"));
        assertThat(http(run.events.get(7)).target()).isEqualTo("/api/test");
    }

    @Test
    void tlsHandshakesSentToPlainHttpAreEventsWithTheBytesAsTarget() {
        ParseRun run = run("parse/combined/crowdsec-apache2-tls-requests.log");
        assertThat(run.events).hasSize(11).allSatisfy(e -> {
            assertThat(http(e).method()).isNull();
            assertThat(http(e).target()).startsWith("\\x16\\x03\\x01");
            assertThat(http(e).status()).isEqualTo(400);
            assertThat(e.handshake()).isTrue();
        });
        assertThat(http(run.events.get(0)).target()).isEqualTo("\\x16\\x03\\x01\\x01 \\x02");
        assertThat(run.events.get(0).time()).isEqualTo(Instant.parse("2023-10-16T18:57:49Z").toEpochMilli());
    }

    @Test
    void binaryRequestsLoggedByNginxKeepWhatTheClientSent() {
        ParseRun run = run("parse/combined/crowdsec-nginx-binary-requests.log");
        // wc -l counts 11 newlines; the file's last line has none
        assertThat(run.events).hasSize(12).allMatch(e -> http(e).method() == null && http(e).status() == 400);
        assertThat(run.events).extracting(e -> http(e).target()).contains("HELP", "batman");
        assertThat(http(run.events.get(1)).target()).startsWith("Gh0st\\xAD");
    }

    @Test
    void ipv6Clients() {
        ParseRun run = run("parse/combined/crowdsec-ipv6.log");
        assertThat(run.events).hasSize(2)
                .allMatch(e -> e.source().equals(IpAddress.parse("2001:0db8:85a3:0000:0000:8a2e:0370:7334")));
    }

    @Test
    void constructedOddLines() {
        // Constructed lines (not from a log) for shapes the real fixtures lack.
        ParseRun run = inline(
                "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"get /lower HTTP/1.1\" 200 5 \"-\" \"curl/8\"",
                "192.0.2.2 - - [01/Jan/2024:00:00:00 +0000] \"GET /a\\\"b HTTP/1.1\" 404 - \"-\" \"x\"",
                "192.0.2.3 - - [01/Jan/2024:00:00:00 +0000] \"GET /raw\"quote HTTP/1.1\" 400 0 \"-\" \"x\"",
                "192.0.2.4 - - [01/Jan/2024:00:00:00 +0000] \"-\" 408 0 \"-\" \"-\"",
                "crawler.example.net - frank [01/Jan/2024:00:00:00 -0700] \"GET / HTTP/1.0\" 200 1 \"-\" \"x\"",
                "192.0.2.6 - - [01/Jan/2024:00:00:00 +0000] \"GET /x HTTP/1.1\" 200 10 \"http://r/\" \"ua\" \"203.0.113.9\" 0.004",
                "192.0.2.7 - - [01/Jan/2024:00:00:00 +0000] \"GET /0.9\" 200 7",
                "192.0.2.8 - - [01/Jan/2024:00:00:00 +0000] \"PROPFIND /dav HTTP/1.1\" 207 88 \"-\" \"x\"");
        assertThat(run.malformed).isEmpty();
        assertThat(run.events).extracting(e -> http(e).method())
                .containsExactly("get", "GET", "GET", null, "GET", "GET", "GET", "PROPFIND");
        assertThat(run.events).extracting(e -> http(e).target())
                .containsExactly("/lower", "/a\\\"b", "/raw\"quote", null, "/", "/x", "/0.9", "/dav");
        assertThat(run.events.get(1).bytes()).isEqualTo(-1);
        assertThat(run.events.get(3).handshake()).isTrue();
        Event hostname = run.events.get(4);
        assertThat(hostname.source()).isNull();
        assertThat(hostname.time()).isEqualTo(Instant.parse("2024-01-01T07:00:00Z").toEpochMilli());
        assertThat(http(run.events.get(5)).userAgent()).isEqualTo("ua");
        assertThat(http(run.events.get(6)).userAgent()).isNull();
    }

    @Test
    void malformedReasonsNameTheColumn() {
        ParseRun run = inline(
                "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000 \"GET / HTTP/1.1\" 200 5",
                "192.0.2.1 - - [31/Feb/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5",
                "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 2000 5",
                "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 five",
                "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5 referer \"ua\"");
        // Columns checked independently: python3 -c "print(line.index('2000') + 1)" and so on.
        assertThat(run.malformed).extracting(ParseRun.Malformed::reason).containsExactly(
                "no closing ']' after time at column 15",
                "bad time '31/Feb/2024:00:00:00 +0000' at column 16",
                "status is not three digits at column 61",
                "size is neither a number nor '-' at column 65",
                "no '\"' before the referer at column 67");
    }

    @Test
    void repeatedTimesAndClientsAreReadCorrectlyFromTheCaches() {
        Parser parser = new CombinedLogParser(ParseRun.inline());
        ParseRun run = ParseRun.lines(parser,
                "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"a\"",
                "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"a\"",
                "192.0.2.10 - - [01/Jan/2024:00:00:01 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"b\"",
                "192.0.2.1 - - [01/Jan/2024:00:00:01 +0100] \"GET / HTTP/1.1\" 200 5 \"-\" \"a\"",
                "192.0.2.1 - - [02/Jan/2024:23:59:59 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"a\"");
        assertThat(run.events).extracting(Event::time).containsExactly(
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2024-01-01T00:00:01Z").toEpochMilli(),
                Instant.parse("2023-12-31T23:00:01Z").toEpochMilli(),
                Instant.parse("2024-01-02T23:59:59Z").toEpochMilli());
        assertThat(run.events).extracting(Event::source).containsExactly(IpAddress.parse("192.0.2.1"),
                IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.10"), IpAddress.parse("192.0.2.1"),
                IpAddress.parse("192.0.2.1"));
    }
}
