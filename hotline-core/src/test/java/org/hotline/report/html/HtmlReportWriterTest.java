package org.hotline.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hotline.aggregate.FixtureReport;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.OriginReportBuilder;
import org.hotline.aggregate.ReportInput;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.enrich.Origin;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportWriterTest {
    static final String XSS = "<script>alert(1)</script>";

    private final String html = write();
    private final Document dom = parse(html);

    @Test
    void isWellFormedAndLoadsNothingFromOutside() {
        assertThat(dom.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(html).doesNotContain("<script", "<link", "<img", "<iframe", "<object", "src=", "url(", "@import");
        // The only URLs are attribution links, which load nothing until clicked.
        String withoutLinks = html.replaceAll("<a href=\"[^\"]*\" rel=\"noopener noreferrer\">[^<]*</a>", "");
        assertThat(withoutLinks).doesNotContain("http://", "https://");
        assertThat(html).contains("default-src 'none'");
    }

    @Test
    void theMapHasAnAreaPerCountryFilledByItsShare() throws IOException {
        long shapes;
        try (InputStream in = WorldMap.class.getResourceAsStream("world-map.tsv")) {
            shapes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).count();
        }
        NodeList paths = dom.getElementsByTagName("path");
        NodeList dots = dom.getElementsByTagName("circle");
        assertThat(paths.getLength() + dots.getLength()).isEqualTo(shapes);
        // The fixture's origin: US 7 of 14 sources (50 %), CN 1 of 14 (7.14 %), no Brazilian source.
        assertThat(area("US").getAttribute("fill")).isEqualTo("#a50f15");    // >= 20 %
        assertThat(area("US").getAttribute("data-share")).isEqualTo("50.0");
        assertThat(area("CN").getAttribute("fill")).isEqualTo("#fb6a4a");    // 5-10 %
        assertThat(area("BR").getAttribute("fill")).isEqualTo(WorldMap.NO_SHARE);
        assertThat(area("SG").getTagName()).isEqualTo("circle");             // too small at 1:110m
        assertThat(area("US").getTextContent()).contains("50.0% of sources (7)");
    }

    @Test
    void aCountryTheMapCannotDrawIsNamedBesideIt() throws IOException {
        // The bundled database still places some addresses in AN (the Netherlands Antilles, dissolved in
        // 2010), for which the map has no area: its share was silently missing from the map.
        IpAddress antillean = IpAddress.parse("2401:b60:1a10::1");
        Attack probe = new Attack(AttackType.WEB_EXPLOIT, "sql injection", antillean, "http www.example.org",
                1431857103000L, 1431857103000L, 1, -1, -1, Verification.HANDSHAKE, List.of(new InputPosition("A", 1)));
        ReportInput fixture = FixtureReport.input(List.of(probe));
        ReportInput withAn = new ReportInput(fixture.inputs(), fixture.attacks(), fixture.tally(),
                ip -> ip.equals(antillean) ? new Origin("AN", 64500, "Example", Set.of()) : fixture.origins().apply(ip),
                fixture.databases(), fixture.run(), fixture.warnings());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(OriginReportBuilder.build(withAn), out);
        String page = out.toString(StandardCharsets.UTF_8);
        assertThat(page).contains("Not on the map, for want of an area for their code: AN 6.7%");   // 1 of 15 sources
        assertThat(html).doesNotContain("Not on the map, for want");
    }

    @Test
    void logTextIsEscapedAndAttributionsArePresent() {
        assertThat(html).doesNotContain(XSS).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("Natural Earth").contains("<a href=\"https://db-ip.com\"");
        assertThat(html).contains("Method and caveats", "Input accounting", "not who the attacker is");
        assertThat(html).contains("anonymised");
    }

    @Test
    void attributionUrlsBecomeLinksAndNothingElseDoes() {
        // the bundled ASN database's source line (data/geo/manifest.json)
        String source = "npm @ip-location-db/asn 2.3.2026061719 (CC BY 4.0, data by RouteViews (routeviews.org), the NRO"
                + " (nro.net) and DB-IP: IP Geolocation by DB-IP, https://db-ip.com; converted to mmdb by Hotline)";
        assertThat(Html.linked(source)).contains(
                "DB-IP, <a href=\"https://db-ip.com\" rel=\"noopener noreferrer\">https://db-ip.com</a>; converted")
                .contains("(routeviews.org)");
        assertThat(Html.linked("see javascript:alert(1) or \"><b>")).isEqualTo("see javascript:alert(1) or &quot;&gt;&lt;b&gt;");
    }

    private Element area(String code) {
        for (String tag : List.of("path", "circle")) {
            NodeList nodes = dom.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (code.equals(e.getAttribute("data-cc"))) {
                    return e;
                }
            }
        }
        throw new AssertionError("no map area for " + code);
    }

    private static String write() {
        Attack hostile = new Attack(AttackType.WEB_EXPLOIT, XSS, IpAddress.parse("83.149.9.216"), "http " + XSS,
                1431857103000L, 1431857103000L, 1, -1, -1, Verification.HANDSHAKE, List.of(new InputPosition("A", 1)));
        OriginReport report = OriginReportBuilder.build(FixtureReport.input(List.of(hostile)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new HtmlReportWriter().write(report, out);
            // Kept for a look in a browser: target/report-fixture.html
            Files.write(Path.of("target/report-fixture.html"), out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The page is written as polyglot XHTML, so an XML parser proves it well-formed. */
    private static Document parse(String html) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            String xml = html.replaceFirst("<!DOCTYPE html>", "");
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
    }
}
