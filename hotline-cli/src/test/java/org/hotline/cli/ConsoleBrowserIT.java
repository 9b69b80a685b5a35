package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.Ids;
import org.hotline.channel.Materials;
import org.hotline.server.console.ConsoleData;
import org.hotline.server.console.ConsoleServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The operator console in a real browser (Debian's headless Chromium through its chromedriver),
 * over two real nodes: RU-CERT files two concerns to US-CERT, one taken through a request for
 * materials, the other left unacknowledged past a two-second deadline; US-CERT's console must show
 * what its CLI says, as a person would see it.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian: {@code apt-get install
 * chromium chromium-driver}; .ci/run installs them). Without them it is skipped, saying why, unless
 * {@code HOTLINE_BROWSER_TESTS=required} (set by .ci/run), where it fails instead.
 */
class ConsoleBrowserIT {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Written by an attacker into a log line, or by a partner into a summary: the page must show it, not run it. */
    static final String HOSTILE = "Probes <img src=x onerror=\"document.title='pwned'\"> from US space";

    @TempDir
    Path dir;

    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private ChromeDriver browser() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            String why = "no " + CHROMIUM + " or " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
            if ("required".equals(System.getenv("HOTLINE_BROWSER_TESTS"))) {
                throw new AssertionError("HOTLINE_BROWSER_TESTS=required, but " + why);
            }
            Assumptions.abort("browser test skipped: " + why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Chromium's own background traffic is refused on a closed network, many connections at a time.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        return browser;
    }

    private Path materials(String name, String address, String country, long asn) throws Exception {
        return materials(name, Ids.random("grouping"), address, country, asn);
    }

    private Path materials(String name, String id, String address, String country, long asn) throws Exception {
        Materials m = new Materials(id, "sources seen attacking the election commission",
                List.of(new Materials.Sighting(address, asn, "Example Hosting", country, 412,
                        Instant.parse("2021-09-17T10:05:03Z"), Instant.parse("2021-09-19T07:59:00Z"), List.of("brute-force"))),
                List.of(new Materials.LogExcerpt("auth.log", "ab".repeat(32), 3,
                        "Sep 17 10:05:03 gw sshd[812]: Failed password for root from " + address + " port 51022 ssh2")), null);
        Path f = dir.resolve(name);
        Files.writeString(f, Json.MAPPER.writeValueAsString(CanonicalForm.materials(m)));
        return f;
    }

    /** Waits until the page has drawn the given view (the script marks it when it has). */
    private static void ready(ChromeDriver b, String route) {
        new WebDriverWait(b, Duration.ofSeconds(15)).until(d -> route.equals(d.findElement(By.id("main")).getAttribute("data-ready")));
    }

    private void screenshot(ChromeDriver b, String name) throws Exception {
        Path target = Path.of("target", "console-" + name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, b.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theConsoleShowsWhatIsOwedTheSignedHistoryAndTheChannelAccountAsTheCliDoes() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            Path secret = dir.resolve("secret");
            for (TestNode[] pair : new TestNode[][] {{ru, us}, {us, ru}}) {
                pair[0].ok("channel", "add", "--home", pair[0].home.toString(), "--partner", pair[1].card().toString(),
                        "--secret-file", secret.toString(), "--acknowledge-within", "2s");
            }
            String worked = ru.json("concern", "file", "--partner", "US-CERT", "--summary", HOSTILE, "--severity", "high",
                    "--materials", materials("m1.json", "198.51.100.23", "US", 64496).toString()).get("id").asString();
            us.json("concern", "ack", worked, "--note", "looking into it");
            us.json("concern", "request-materials", worked, "--request", "full auth.log lines");
            ru.json("concern", "provide-materials", worked, "--materials", materials("m2.json", "203.0.113.9", "NL", 64511).toString());
            assertThat(us.json("concern", "update", worked, "--note", "hosting provider contacted").get("state").asString())
                    .isEqualTo("investigating");
            String unanswered = ru.json("concern", "file", "--partner", "US-CERT", "--summary", "Scans from US address space",
                    "--severity", "medium").get("id").asString();
            Thread.sleep(2500);   // past the two-second deadline to acknowledge it

            ConsoleServer console = new ConsoleServer(new NodeConsoleData(us.runtime()), "127.0.0.1", 0,
                    "a-token-for-this-test-0123456789").start();
            try {
                ChromeDriver b = browser();
                b.get(console.url());
                ready(b, "/");
                screenshot(b, "concerns");
                assertThat(b.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");
                assertThat(b.findElement(By.id("party")).getText()).isEqualTo("US-CERT (US)");
                assertThat(b.findElement(By.id("open-count")).getText()).isEqualTo("2");
                assertThat(b.findElement(By.id("overdue-count")).getText()).isEqualTo("1");
                WebElement late = b.findElement(By.cssSelector("tr[data-id='" + unanswered + "']"));
                assertThat(late.getAttribute("class")).contains("overdue");
                assertThat(late.getText()).contains("delivered", "acknowledge by US-CERT", "OVERDUE", "RU-CERT → US-CERT");
                // Overdue first, as the CLI's own deadline says.
                assertThat(b.findElements(By.cssSelector("tbody tr")).get(0).getAttribute("data-id")).isEqualTo(unanswered);
                WebElement row = b.findElement(By.cssSelector("tr[data-id='" + worked + "']"));
                assertThat(row.getText()).contains(HOSTILE, "investigating", "respond by US-CERT");
                assertThat(b.findElements(By.cssSelector("main img"))).as("a summary is text, never markup").isEmpty();
                assertThat(b.getTitle()).isEqualTo("(1 overdue) Hotline · US-CERT");

                // The origin map: the open concerns' materials name one address in US and one in NL, 412
                // events each, as `concern origins` counts them; other countries stay grey.
                JsonNode origins = us.json("concern", "origins");
                assertThat(origins.get("sources").asInt()).isEqualTo(2);
                assertThat(origins.get("events").asLong()).isEqualTo(824);
                assertThat(b.findElement(By.id("origins-summary")).getText())
                        .isEqualTo("2 source address(es), at least 824 event(s), named in the materials of 1 of 2 concern(s)");
                for (String cc : List.of("US", "NL")) {
                    WebElement shape = b.findElement(By.cssSelector("#origin-map [data-cc='" + cc + "']"));
                    assertThat(shape.getAttribute("data-sources")).isEqualTo("1");
                    assertThat(shape.getAttribute("fill")).as(cc + ": 50 %% of the sources").isEqualTo("#a50f15");
                    assertThat(b.findElement(By.cssSelector("tr[data-cc='" + cc + "']")).getText()).contains("1", "50.0 %", "412");
                }
                assertThat(b.findElement(By.cssSelector("#origin-map [data-cc='RU']")).getAttribute("fill")).isEqualTo("#e4e4e4");
                assertThat(b.findElements(By.cssSelector("#origin-map path")).size()).as("the world's outlines").isGreaterThan(150);
                // A country's row (or shape) lists the concerns that name a source located there.
                assertThat(origins.at("/countries/0/concern_ids/0").asString()).isEqualTo(worked);
                b.findElement(By.cssSelector("tr[data-cc='NL']")).click();
                ready(b, "/?country=NL");
                screenshot(b, "concerns-by-country");
                assertThat(b.findElement(By.id("country-filter")).getText())
                        .startsWith("Showing the 1 concern(s) that name a source located in NL Netherlands");
                assertThat(b.findElements(By.cssSelector("tr[data-id]")).stream().map(e -> e.getAttribute("data-id")).toList())
                        .containsExactly(worked);
                b.findElement(By.linkText("show all concerns")).click();
                ready(b, "/");
                assertThat(b.findElements(By.cssSelector("tr[data-id]"))).hasSize(2);
                b.findElement(By.linkText("all concerns")).click();
                ready(b, "/?origins=all");
                assertThat(b.findElement(By.id("origins-summary")).getText()).endsWith("of 2 concern(s)");
                b.findElement(By.linkText("open concerns")).click();
                ready(b, "/");

                b.findElement(By.cssSelector("tr[data-id='" + worked + "']")).click();
                ready(b, "/concerns/" + worked);
                screenshot(b, "concern");
                List<String> kinds = b.findElements(By.cssSelector("#history > li")).stream().map(e -> e.getAttribute("data-kind")).toList();
                assertThat(kinds).containsExactly("filing", "acknowledgement", "materials-request", "materials-provided", "status-update");
                String page = b.findElement(By.id("main")).getText();
                assertThat(page).contains("signatures and hash chain verified", "198.51.100.23", "203.0.113.9", "AS64511",
                        "Failed password for root from 203.0.113.9", "full auth.log lines", "looking into it", "hosting provider contacted");
                // The history's hashes are the CLI's, message by message.
                var shown = us.json("concern", "show", worked);
                List<String> hashes = b.findElements(By.cssSelector("#history .hash")).stream().map(e -> e.getAttribute("title")).toList();
                assertThat(hashes).containsExactlyElementsOf(shown.get("history").findValuesAsString("hash"));
                assertThat(b.findElement(By.id("country-bars")).getText()).contains("US", "NL", "412");
                assertThat(b.findElement(By.id("allowed-next")).getText()).contains("hotline concern respond " + worked,
                        "hotline concern update " + worked, "hotline concern reject " + worked);
                assertThat(page).contains("acknowledge", "in time");

                b.get(console.url().replaceFirst("#token=.*", "#/channels"));
                ready(b, "/channels");
                screenshot(b, "channels");
                String digest = us.json("channel", "report", "--partner", "RU-CERT").get(0).get("digest").asString();
                assertThat(b.findElement(By.cssSelector(".channel[data-partner='RU-CERT'] .digest")).getText()).isEqualTo(digest);
                assertThat(ru.json("channel", "report").get(0).get("digest").asString()).as("the partner's own account").isEqualTo(digest);

                // A period: the accounts of concerns filed from then on, as `channel report --since` counts them.
                b.executeScript("document.getElementById('since').value = '2099-01-01'");
                b.findElement(By.id("apply-period")).click();
                ready(b, "/channels?since=2099-01-01");
                WebElement card = b.findElement(By.cssSelector(".channel[data-partner='RU-CERT']"));
                assertThat(card.getText()).contains("RU-CERT → US-CERT: 0 concern(s)").doesNotContain("2 concern(s)");
                assertThat(card.findElement(By.cssSelector(".digest")).getText()).isEqualTo(
                        us.json("channel", "report", "--since", "2099-01-01").get(0).get("digest").asString()).isNotEqualTo(digest);

                // A tab without the token is told where to find it, and shown nothing.
                b.executeScript("sessionStorage.clear()");
                b.navigate().refresh();
                ready(b, "error");
                assertThat(b.findElement(By.id("main")).getText()).contains("console token").doesNotContain("Scans from US");
            } finally {
                console.close();
            }
        }
    }

    /**
     * A partner chooses its materials' ids: a second, different set under the id of the first must
     * not be hidden as "the same set attached again", or the page shows less than concern show does.
     */
    @Test
    void aSecondSetOfMaterialsUnderTheFirstSetsIdIsShownAsTheCliShowsIt() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            Path secret = dir.resolve("secret");
            for (TestNode[] pair : new TestNode[][] {{ru, us}, {us, ru}}) {
                pair[0].ok("channel", "add", "--home", pair[0].home.toString(), "--partner", pair[1].card().toString(),
                        "--secret-file", secret.toString());
            }
            String id = Ids.random("grouping");
            String concern = ru.json("concern", "file", "--partner", "US-CERT", "--summary", "Probes", "--severity", "high",
                    "--materials", materials("m1.json", id, "198.51.100.23", "US", 64496).toString()).get("id").asString();
            us.json("concern", "ack", concern, "--note", "looking into it");
            us.json("concern", "request-materials", concern, "--request", "more");
            ru.json("concern", "provide-materials", concern, "--materials", materials("m2.json", id, "203.0.113.9", "NL", 64511).toString());
            String cli = us.json("concern", "show", concern).get("history").toString();
            assertThat(cli).contains("198.51.100.23", "203.0.113.9");

            ConsoleServer console = new ConsoleServer(new NodeConsoleData(us.runtime()), "127.0.0.1", 0,
                    "a-token-for-this-test-0123456789").start();
            try {
                ChromeDriver b = browser();
                b.get(console.url().replace("/#token=", "/#/concerns/" + concern + "&token="));
                ready(b, "/concerns/" + concern);
                assertThat(b.findElements(By.cssSelector("details.materials"))).hasSize(2);
                assertThat(b.findElement(By.id("main")).getText()).contains("198.51.100.23", "203.0.113.9");
                assertThat(b.findElement(By.id("country-bars")).getText()).contains("US", "NL");
            } finally {
                console.close();
            }
        }
    }

    /** Data as a partner's node could make it (the CLI's JSON shapes), without two nodes behind it. */
    static ConsoleData data(String concernsJson) {
        return data(concernsJson, 0);
    }

    /** The same, with the list slow to come (many concerns), and one concern, drawn from the list's row. */
    static ConsoleData data(String concernsJson, long listMillis) {
        return new ConsoleData() {
            @Override
            public JsonNode node() {
                return Json.MAPPER.readTree("{\"party\":{\"id\":\"identity--1\",\"name\":\"US-CERT\",\"country\":\"US\"},\"partners\":[]}");
            }

            @Override
            public JsonNode concerns() {
                try {
                    Thread.sleep(listMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Json.MAPPER.readTree(concernsJson);
            }

            @Override
            public JsonNode origins(boolean all) {
                return Json.MAPPER.readTree("{\"scope\":\"open\",\"concerns\":1,\"concerns_with_materials\":0,\"sources\":0,"
                        + "\"events\":0,\"countries\":[]}");
            }

            @Override
            public Optional<JsonNode> concern(String id) {
                tools.jackson.databind.node.ObjectNode c = (tools.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(concernsJson).get(0);
                if (!c.get("id").asString().equals(id)) {
                    return Optional.empty();
                }
                // One message with a set of materials long enough to be folded (21 sources).
                tools.jackson.databind.node.ArrayNode history = Json.MAPPER.createArrayNode();
                tools.jackson.databind.node.ObjectNode filing = history.addObject();
                filing.put("id", "note--1").put("kind", "filing").put("author", "RU-CERT").put("created", "2021-09-17T10:05:03Z");
                tools.jackson.databind.node.ObjectNode m = filing.putObject("body").putObject("materials");
                m.put("id", "grouping--6f1c2b7e-6a0d-4e8b-9a43-2f5b1c7d8e90").put("description", c.get("summary").asString());
                for (int i = 0; i < 21; i++) {
                    // One network, its holder spelt two ways, as two versions of a database may.
                    m.withArray("sightings").addObject().put("address", "198.51.100." + i).put("country", "US").put("count", 1)
                            .put("asn", 64496).put("as_organization", i % 2 == 0 ? "Example Hosting" : "EXAMPLE-HOSTING-AS");
                }
                c.set("history", history);
                c.set("set_aside", Json.MAPPER.createArrayNode());
                c.set("deliveries", Json.MAPPER.createArrayNode());
                c.set("next_commands", Json.MAPPER.createArrayNode());
                c.set("obligations", Json.MAPPER.createArrayNode());
                c.set("verification", Json.MAPPER.readTree("{\"ok\":true,\"draft\":false,\"problems\":[]}"));
                return Optional.of(c);
            }

            @Override
            public JsonNode report(Instant since, Instant until) {
                return Json.MAPPER.createArrayNode();
            }
        };
    }

    static final String ONE_CONCERN = "[{\"id\":\"incident--3f1c2b7e-6a0d-4e8b-9a43-2f5b1c7d8e90\",\"filer\":\"RU-CERT\",\"recipient\":\"US-CERT\","
            + "\"kind\":\"request-for-investigation\",\"summary\":\"Probes\",\"severity\":\"high\",\"tlp\":\"amber+strict\","
            + "\"state\":\"delivered\",\"filed\":\"2021-09-17T10:05:03Z\",\"updated\":\"2021-09-17T10:05:03Z\",\"deadline\":null,"
            + "\"overdue\":false,\"set_aside_count\":0}]";

    /** TLP:AMBER+STRICT is marked in amber on black as every other level in its colours, not as plain text. */
    @Test
    void amberStrictIsShownInTheTlpColours() throws Exception {
        ConsoleServer console = new ConsoleServer(data(ONE_CONCERN), "127.0.0.1", 0, "a-token-for-this-test-0123456789").start();
        try {
            ChromeDriver b = browser();
            b.get(console.url());
            ready(b, "/");
            WebElement badge = b.findElement(By.xpath("//span[contains(@class,'badge') and text()='TLP:AMBER+STRICT']"));
            assertThat(badge.getCssValue("background-color")).isEqualTo("rgba(0, 0, 0, 1)");
            assertThat(badge.getCssValue("color")).isEqualTo("rgba(255, 192, 0, 1)");
        } finally {
            console.close();
        }
    }

    /**
     * A concern the node cannot read comes in the list as {id, error} (ChannelNodesIT makes one): the
     * page names it with why, above the others, and counts it nowhere.
     */
    @Test
    void aConcernTheNodeCannotReadIsNamedAndTheOthersAreShown() throws Exception {
        String list = ONE_CONCERN.replaceFirst("]$", ",{\"id\":\"incident--9d0e1f2a-3b4c-4d5e-8f60-718293a4b5c6\","
                + "\"error\":\"reading message 2 of concern incident--9d0e1f2a from the database: no kind\"}]");
        ConsoleServer console = new ConsoleServer(data(list), "127.0.0.1", 0, "a-token-for-this-test-0123456789").start();
        try {
            ChromeDriver b = browser();
            b.get(console.url());
            ready(b, "/");
            assertThat(b.findElement(By.id("unreadable")).getText()).contains("1 concern(s) this node cannot read",
                    "incident--9d0e1f2a-3b4c-4d5e-8f60-718293a4b5c6: reading message 2 of concern incident--9d0e1f2a from the database: no kind");
            assertThat(b.findElement(By.id("open-count")).getText()).isEqualTo("1");
            assertThat(b.findElements(By.cssSelector("tbody tr.link"))).hasSize(1);
        } finally {
            console.close();
        }
    }

    /** An address whose token is not percent-encoding (cut short when copied) says so, instead of "Loading…" for ever. */
    @Test
    void aTokenThatIsNotPercentEncodingIsRefusedNotAHungPage() throws Exception {
        ConsoleServer console = new ConsoleServer(data(ONE_CONCERN), "127.0.0.1", 0, "a-token-for-this-test-0123456789").start();
        try {
            ChromeDriver b = browser();
            b.get(console.url().replaceFirst("#token=.*", "#token=a-token-for-this%E0%A4%A"));
            ready(b, "error");
            assertThat(b.findElement(By.id("main")).getText()).contains("token").doesNotContain("Probes");
        } finally {
            console.close();
        }
    }

    /**
     * A view asked for later is the one shown, though an earlier one (a redraw of the slow list) answers
     * after it: the page must not show the list while its address, and the operator, mean a concern.
     */
    @Test
    void aViewThatAnswersLateDoesNotReplaceTheOneAskedForSince() throws Exception {
        ConsoleServer console = new ConsoleServer(data(ONE_CONCERN, 2500), "127.0.0.1", 0, "a-token-for-this-test-0123456789").start();
        try {
            ChromeDriver b = browser();
            String id = Json.MAPPER.readTree(ONE_CONCERN).get(0).get("id").asString();
            b.get(console.url());   // the list: 2.5 s to come
            new WebDriverWait(b, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("party")).getText().isEmpty());
            b.executeScript("location.hash = '#/concerns/" + id + "'");
            ready(b, "/concerns/" + id);
            Thread.sleep(3000);   // the list has answered by now
            assertThat(b.findElement(By.id("main")).getAttribute("data-ready")).isEqualTo("/concerns/" + id);
            assertThat(b.findElements(By.id("open-count"))).as("the list, drawn over the concern").isEmpty();
            assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("Probes");
        } finally {
            console.close();
        }
    }

    /** A long set of materials the operator unfolded stays unfolded when the page redraws (every 15 s). */
    @Test
    void anUnfoldedSetOfMaterialsStaysUnfoldedAcrossARedraw() throws Exception {
        ConsoleServer console = new ConsoleServer(data(ONE_CONCERN), "127.0.0.1", 0, "a-token-for-this-test-0123456789").start();
        try {
            ChromeDriver b = browser();
            String id = Json.MAPPER.readTree(ONE_CONCERN).get(0).get("id").asString();
            b.get(console.url().replace("/#token=", "/#/concerns/" + id + "&token="));
            ready(b, "/concerns/" + id);
            assertThat(b.findElement(By.cssSelector("details.materials")).getAttribute("open")).as("folded: 21 sources").isNull();
            assertThat(b.findElement(By.id("network-bars")).getText()).as("one bar per AS number").isEqualTo("AS64496 Example Hosting\n21");
            b.findElement(By.cssSelector("details.materials summary")).click();
            assertThat(b.findElement(By.cssSelector("details.materials")).getAttribute("open")).isNotNull();
            b.executeScript("document.querySelector('details.materials').id = 'before-redraw';"
                    + " window.dispatchEvent(new HashChangeEvent('hashchange'))");   // what the 15 s timer does
            new WebDriverWait(b, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("before-redraw")).isEmpty());
            ready(b, "/concerns/" + id);
            assertThat(b.findElement(By.cssSelector("details.materials")).getAttribute("open")).as("unfolded still").isNotNull();
        } finally {
            console.close();
        }
    }

    /**
     * A right-to-left override in a partner's text (here its materials' description) reversed what the
     * page wrote after it on the same line: the counts of sources and events, a file's line number and
     * hash. The page shows such characters as what they are instead of obeying them.
     */
    @Test
    void bidiControlsInAPartnersTextAreShownNotObeyed() throws Exception {
        String rlo = ONE_CONCERN.replace("\"summary\":\"Probes\"", "\"summary\":\"Probes \u202e\"");
        ConsoleServer console = new ConsoleServer(data(rlo), "127.0.0.1", 0, "a-token-for-this-test-0123456789").start();
        try {
            ChromeDriver b = browser();
            String id = Json.MAPPER.readTree(rlo).get(0).get("id").asString();
            b.get(console.url().replace("/#token=", "/#/concerns/" + id + "&token="));
            ready(b, "/concerns/" + id);
            screenshot(b, "bidi");
            String summary = b.findElement(By.cssSelector("details.materials summary")).getText();
            assertThat(summary).doesNotContain("\u202e").contains("Probes <U+202E>: 21 source(s), 21 event(s)");
            assertThat(b.findElement(By.id("main")).getText()).doesNotContain("\u202e");
        } finally {
            console.close();
        }
    }

    /** A tab pinned on a concern or on the channels counts the overdue concerns in its title as well. */
    @Test
    void theTitleCountsOverdueConcernsOnEveryView() throws Exception {
        String overdue = ONE_CONCERN.replace("\"deadline\":null,\"overdue\":false",
                "\"deadline\":{\"obligation\":\"acknowledge\",\"party\":\"US-CERT\",\"due\":\"2021-09-18T10:05:03Z\"},\"overdue\":true");
        ConsoleServer console = new ConsoleServer(data(overdue), "127.0.0.1", 0, "a-token-for-this-test-0123456789").start();
        try {
            ChromeDriver b = browser();
            String id = Json.MAPPER.readTree(overdue).get(0).get("id").asString();
            b.get(console.url().replace("/#token=", "/#/channels&token="));
            ready(b, "/channels");
            assertThat(b.getTitle()).isEqualTo("(1 overdue) Hotline · US-CERT");
            b.executeScript("location.hash = '#/concerns/" + id + "'");
            ready(b, "/concerns/" + id);
            assertThat(b.getTitle()).isEqualTo("(1 overdue) Hotline · US-CERT");
        } finally {
            console.close();
        }
    }
}
