package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.Channel;
import org.hotline.channel.HistoryCheck;
import org.hotline.channel.Ids;
import org.hotline.channel.Materials;
import org.hotline.channel.Message;
import org.hotline.cli.node.NodeHome;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.stix.StixJson;
import org.hotline.stix.mapping.ConcernExport;
import org.hotline.taxii.TaxiiCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Real nodes on loopback, each with its own home, keys, TLS certificate and SQLite store, talking
 * TAXII 2.1 over HTTPS (Basic and mutual TLS), driven through the CLI's commands as a person would.
 * RU-CERT files; US-CERT answers; FR-CERT has a channel to US-CERT only.
 */
class ChannelNodesIT {
    static final String TAXII = "application/taxii+json;version=2.1";

    @TempDir
    Path dir;

    private Path materials(String name) throws Exception {
        Materials m = new Materials(Ids.random("grouping"), "sources seen attacking the election commission",
                List.of(new Materials.Sighting("198.51.100.23", 64496, "Example Hosting", "US", 412,
                        Instant.parse("2021-09-17T10:05:03Z"), Instant.parse("2021-09-19T07:59:00Z"), List.of("brute-force"))),
                List.of(new Materials.LogExcerpt("auth.log", "ab".repeat(32), 3,
                        "Sep 17 10:05:03 gw sshd[812]: Failed password for root from 198.51.100.23 port 51022 ssh2")), null);
        Path f = dir.resolve(name);
        Files.writeString(f, Json.MAPPER.writeValueAsString(CanonicalForm.materials(m)));
        return f;
    }

    private static void connect(TestNode a, TestNode b, Path secret) {
        a.ok("channel", "add", "--home", a.home.toString(), "--partner", b.card().toString(), "--secret-file", secret.toString());
        b.ok("channel", "add", "--home", b.home.toString(), "--partner", a.card().toString(), "--secret-file", secret.toString());
    }

    private static String file(TestNode ru, Path materials, String summary) {
        return ru.json("concern", "file", "--partner", "US-CERT", "--summary", summary, "--severity", "high",
                "--materials", materials.toString()).get("id").asString();
    }

    private static List<Message> history(TestNode node, String concernId) {
        try (NodeRuntime r = new NodeRuntime(NodeHome.open(node.home))) {
            return r.db().concerns().history(concernId);
        }
    }

    @Test
    void aFullLifecycleEndsWithIdenticalVerifiableHistoriesOnBothNodes() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            connect(ru, us, dir.resolve("secret"));
            String id = file(ru, materials("m1.json"), "SSH brute force from US address space");
            assertThat(us.json("concern", "show", id).get("state").asString()).isEqualTo("delivered");

            us.json("concern", "ack", id, "--note", "looking into it");
            assertThat(us.json("concern", "request-materials", id, "--request", "full auth.log lines").get("state").asString())
                    .isEqualTo("awaiting-materials");
            assertThat(ru.json("concern", "show", id).get("state").asString()).isEqualTo("awaiting-materials");
            ru.json("concern", "provide-materials", id, "--materials", materials("m2.json").toString());
            JsonNode updated = us.json("concern", "update", id, "--note", "the hosting provider is looking at its logs");
            assertThat(updated.get("state").asString()).isEqualTo("investigating");
            // What each side may do next, named as the command that does it.
            assertThat(us.json("concern", "show", id).get("next_commands").toString())
                    .isEqualTo("[\"request-materials\",\"update\",\"respond\",\"reject\"]");
            us.json("concern", "respond", id, "--findings", "a compromised VPS", "--action", "notified the host",
                    "--outcome", "action-taken");
            assertThat(ru.json("concern", "close", id).get("state").asString()).isEqualTo("closed");

            List<Message> a = history(ru, id);
            List<Message> b = history(us, id);
            assertThat(a).hasSize(7).isEqualTo(b);
            JsonNode shown = us.json("concern", "show", id);
            assertThat(shown.get("state").asString()).isEqualTo("closed");
            assertThat(shown.get("verification").get("ok").asBoolean()).isTrue();
            assertThat(ru.inHome("concern", "verify", id).code()).isZero();
            assertThat(HistoryCheck.problems(b, Map.of(a.get(0).author(), publicKey(ru), a.get(1).author(), publicKey(us)))).isEmpty();
            List<String> kinds = new ArrayList<>();
            shown.get("history").forEach(m -> kinds.add(m.get("kind").asString()));
            assertThat(kinds).containsExactly("filing", "acknowledgement", "materials-request", "materials-provided", "status-update",
                    "response", "closure");
            // Each obligation the history created, met in time (all of it took seconds).
            List<String> obligations = new ArrayList<>();
            shown.get("obligations").forEach(o -> obligations.add(o.get("obligation").asString() + " by " + o.get("party").asString()
                    + ": " + o.get("outcome").asString()));
            assertThat(obligations).containsExactly("acknowledge by US-CERT: on-time", "respond by US-CERT: on-time",
                    "provide materials by RU-CERT: on-time");
            assertThat(us.ok("concern", "show", id, "--home", us.home.toString())).contains("Obligations:", "in time, after ");

            // Where the closed concern's sources are: none among open concerns; with --all, on both nodes,
            // the one address both sets name (412 events each time, so 412, not 824).
            assertThat(us.ok("concern", "origins", "--home", us.home.toString())).isEqualTo("No open concerns." + System.lineSeparator());
            for (TestNode node : List.of(ru, us)) {
                assertThat(node.ok("concern", "origins", "--all", "--home", node.home.toString())).contains(
                        "1 source address(es), at least 412 event(s), named in the materials of 1 of 1 concern(s)",
                        "US              1  100.0%        412         1");
            }

            Path ea = dir.resolve("a.json");
            Path eb = dir.resolve("b.json");
            ru.ok("concern", "export", id, "--out", ea.toString(), "--home", ru.home.toString());
            us.ok("concern", "export", id, "--out", eb.toString(), "--home", us.home.toString());
            assertThat(objects(ea)).isEqualTo(objects(eb)).isNotEmpty();

            TestNode.Run refused = ru.inHome("concern", "ack", id);
            assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
            assertThat(refused.err()).contains("refused");

            // Each node accounts for the channel from its own copy; the two accounts mirror each other.
            String open = file(ru, materials("m3.json"), "Scans from US address space");
            JsonNode onRu = ru.json("channel", "report").get(0);
            JsonNode onUs = us.json("channel", "report", "--partner", "RU-CERT").get(0);
            assertThat(onRu.get("digest").asString()).hasSize(64).isEqualTo(onUs.get("digest").asString());
            assertThat(onRu.get("filed_by_us")).isEqualTo(onUs.get("filed_by_partner"));
            assertThat(onRu.get("filed_by_partner")).isEqualTo(onUs.get("filed_by_us"));
            JsonNode byRu = onRu.get("filed_by_us");
            assertThat(byRu.get("concerns").asInt()).isEqualTo(2);
            assertThat(byRu.get("by_state").get("closed").asInt()).isEqualTo(1);
            assertThat(byRu.get("obligations").get("acknowledge").get("on_time").asInt()).isEqualTo(1);
            assertThat(byRu.get("obligations").get("acknowledge").get("open").asInt()).isEqualTo(1);
            assertThat(byRu.get("obligations").get("respond").get("on_time").asInt()).isEqualTo(1);
            assertThat(byRu.get("obligations").get("provide materials").get("on_time").asInt()).isEqualTo(1);
            assertThat(onRu.get("concerns")).extracting(c -> c.get("id").asString()).containsExactly(id, open);
            assertThat(ru.ok("channel", "report", "--home", ru.home.toString()))
                    .contains("Digest of the histories of 2 concern(s): sha256 " + onRu.get("digest").asString());
            Path page = dir.resolve("channel.html");
            TestNode.Run withPage = ru.inHome("channel", "report", "--json", "--html", page.toString());
            assertThat(Json.MAPPER.readTree(withPage.out()).get(0).get("digest")).isEqualTo(onRu.get("digest"));
            assertThat(withPage.err()).contains("channel report page written to " + page);
            assertThat(Files.readString(page)).contains("RU-CERT and US-CERT: was every concern answered, and in time?",
                    onRu.get("digest").asString(), id, open);
            // Concerns filed before the second one only: another set, another digest, the same on both sides.
            String before = history(ru, open).get(0).created().toString();
            JsonNode firstOnly = ru.json("channel", "report", "--until", before).get(0);
            assertThat(firstOnly.get("concerns")).hasSize(1);
            assertThat(firstOnly.get("digest").asString()).isNotEqualTo(onRu.get("digest").asString())
                    .isEqualTo(us.json("channel", "report", "--until", before).get(0).get("digest").asString());
            // The partner's report, handed over, compared: the same; then RU takes a step US has not
            // received (US is down), and the comparison names the concern and both heads.
            Path usReport = dir.resolve("us-report.json");
            Files.writeString(usReport, us.ok("channel", "report", "--home", us.home.toString(), "--json"));
            assertThat(ru.ok("channel", "report", "--home", ru.home.toString(), "--compare", usReport.toString()))
                    .contains("Compared with US-CERT's report: the same 2 concern(s), the same digest.");
            us.stop();
            ru.json("concern", "provide-materials", open, "--materials", materials("m4.json").toString());
            JsonNode compared = ru.json("channel", "report", "--compare", usReport.toString()).get(0).get("comparison");
            assertThat(compared.get("same").asBoolean()).isFalse();
            assertThat(compared.get("differences")).singleElement().satisfies(d -> {
                assertThat(d.get("concern").asString()).isEqualTo(open);
                assertThat(d.get("here").asString()).startsWith("2 messages, last ");
                assertThat(d.get("there").asString()).isEqualTo("1 messages, last " + org.hotline.channel.Seal.hash(history(ru, open).get(0)));
            });
            assertThat(ru.inHome("channel", "report", "--compare", dir.resolve("nothing.json").toString()).err())
                    .contains("--compare " + dir.resolve("nothing.json") + ": no such file");
            TestNode.Run badDate = ru.inHome("channel", "report", "--since", "last tuesday");
            assertThat(badDate.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(badDate.err()).contains("--since: 'last tuesday' is neither a date");
        }
    }

    private static String publicKey(TestNode n) {
        return NodeHome.open(n.home).party().publicKey();
    }

    private static List<String> objects(Path bundle) throws Exception {
        List<String> out = new ArrayList<>();
        Json.MAPPER.readTree(bundle.toFile()).get("objects").forEach(o -> out.add(Json.MAPPER.writeValueAsString(o)));
        out.sort(null);
        return out;
    }

    /**
     * A partner writes a concern's summary and notes: an ESC sequence or a right-to-left override in
     * them must not reach the operator's terminal as such (clearing it, recolouring it, reordering a
     * number), while --json gives scripts the text as it is.
     */
    @Test
    void aPartnersTextReachesTheTerminalWithoutControlCharactersAndScriptsAsItIs() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            connect(ru, us, dir.resolve("secret"));
            String summary = "Probes \u001b[2J\u001b]0;owned\u0007 from \u202e21 sources";
            String id = file(ru, materials("m1.json"), summary);
            ru.json("concern", "update", id, "--note", "more \u001b[31mred\u001b[0m soon");

            String list = us.ok("concern", "list", "--home", us.home.toString());
            assertThat(list).contains("Probes ?[2J?]0;owned? from ?21 sources").doesNotContain("\u001b", "\u0007", "\u202e");
            String shown = us.ok("concern", "show", id, "--home", us.home.toString());
            assertThat(shown).doesNotContain("\u001b", "\u0007", "\u202e");
            assertThat(us.json("concern", "list").get(0).get("summary").asString()).isEqualTo(summary);
        }
    }

    /**
     * A concern whose stored history cannot be read (here a message's row edited by hand) is named,
     * with why, wherever concerns are listed or counted, and exit code 1 says so; the other concerns
     * are still listed and counted, in the CLI and in the console's list alike.
     */
    @Test
    void aConcernThatCannotBeReadIsNamedAndTheOthersAreStillListedAndCounted() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            connect(ru, us, dir.resolve("secret"));
            String broken = file(ru, materials("m1.json"), "to be broken by hand");
            String fine = file(ru, materials("m2.json"), "still fine");
            us.json("concern", "ack", broken, "--note", "seen");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + us.home.resolve("hotline.db"));
                 PreparedStatement p = c.prepareStatement("UPDATE message SET json = '{}' WHERE concern_id = ? AND position = 1")) {
                p.setString(1, broken);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }

            TestNode.Run list = us.inHome("concern", "list");
            assertThat(list.code()).as(list.err()).isEqualTo(ExitCodes.INPUT_PROBLEM);
            assertThat(list.out()).contains(fine + "  delivered", "still fine", broken + "  CANNOT BE READ: ");
            assertThat(list.err()).contains("hotline: concern " + broken + " cannot be read, so it is not listed: reading message 2 of");
            TestNode.Run json = us.inHome("concern", "list", "--json");
            assertThat(json.code()).isEqualTo(ExitCodes.INPUT_PROBLEM);
            JsonNode rows = Json.MAPPER.readTree(json.out());
            assertThat(rows).hasSize(2);
            assertThat(rows.findValuesAsString("id")).containsExactlyInAnyOrder(fine, broken);
            for (JsonNode r : rows) {
                assertThat(r.has("error")).as(r.toString()).isEqualTo(r.get("id").asString().equals(broken));
            }

            TestNode.Run report = us.inHome("channel", "report", "--json");
            assertThat(report.code()).isEqualTo(ExitCodes.INPUT_PROBLEM);
            assertThat(report.err()).contains("concern " + broken + " cannot be read, so it is not counted in this account");
            assertThat(Json.MAPPER.readTree(report.out()).get(0).at("/filed_by_partner/concerns").asInt()).isEqualTo(1);
            TestNode.Run origins = us.inHome("concern", "origins");
            assertThat(origins.code()).isEqualTo(ExitCodes.INPUT_PROBLEM);
            assertThat(origins.out()).contains("1 source address(es), at least 412 event(s), named in the materials of 1 of 1 open concern(s)");

            assertThat(new NodeConsoleData(us.runtime()).concerns()).as("the console's list").isEqualTo(rows);
        }
    }

    /**
     * Materials an earlier version took unchecked (a lower-case country) stay readable: shown,
     * exported and counted, while the same materials now coming in are refused.
     */
    @Test
    void materialsStoredBeforeTheyWereCheckedStayReadableWhileNewOnesAreChecked() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            connect(ru, us, dir.resolve("secret"));
            String id = file(ru, materials("m1.json"), "filed before the check");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + us.home.resolve("hotline.db"));
                 PreparedStatement p = c.prepareStatement("UPDATE message SET json = REPLACE(json, '\"country\":\"US\"', '\"country\":\"us\"')"
                         + " WHERE concern_id = ? AND position = 0")) {
                p.setString(1, id);
                assertThat(p.executeUpdate()).isEqualTo(1);
                var changed = c.createStatement().executeQuery("SELECT COUNT(*) FROM message WHERE json LIKE '%\"country\":\"us\"%'");
                assertThat(changed.getInt(1)).as("the stored filing now says 'us'").isEqualTo(1);
            }
            assertThat(us.inHome("concern", "show", id).code()).isZero();
            assertThat(us.inHome("concern", "export", id, "--out", dir.resolve("x.json").toString()).code()).isZero();
            assertThat(us.ok("concern", "origins", "--home", us.home.toString())).contains("US              1  100.0%");

            Path lower = Files.writeString(dir.resolve("lower.json"), Files.readString(materials("m2.json")).replace("\"US\"", "\"us\""));
            TestNode.Run refused = ru.inHome("concern", "file", "--partner", "US-CERT", "--summary", "checked now", "--materials", lower.toString());
            assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
            assertThat(refused.err()).contains("a sighting's country is no ISO 3166 alpha-2 code (two capital letters): 'us'");
        }
    }

    @Test
    void aThirdNodeOnAnotherChannelCanNeitherReadNorWriteTheFirstChannelsCollections() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start();
             TestNode fr = new TestNode(dir, "FR-CERT", "FR").start()) {
            connect(ru, us, dir.resolve("secret-ru-us"));
            connect(fr, us, dir.resolve("secret-fr-us"));
            String id = file(ru, materials("m.json"), "concern on the RU-US channel");
            String ruUs = Channel.idFor(NodeHome.open(ru.home).party().id(), NodeHome.open(us.home).party().id());
            try (NodeRuntime f = new NodeRuntime(NodeHome.open(fr.home))) {
                HttpClient http = f.httpClient();
                String auth = f.credentials(NodeHome.open(us.home).party().id()).orElseThrow().header();
                URI root = URI.create("https://127.0.0.1:" + us.port + "/hotline/");
                assertThat(get(http, root.resolve("collections/" + TaxiiCollections.shared(ruUs) + "/objects/"), auth).statusCode()).isEqualTo(404);
                assertThat(get(http, root.resolve("collections/" + TaxiiCollections.inbox(ruUs) + "/"), auth).statusCode()).isEqualTo(404);
                HttpResponse<String> post = post(http, root.resolve("collections/" + TaxiiCollections.inbox(ruUs) + "/objects/"), auth,
                        TAXII, "{\"objects\":[]}");
                assertThat(post.statusCode()).isEqualTo(404);
                JsonNode collections = Json.MAPPER.readTree(get(http, root.resolve("collections/"), auth).body());
                List<String> ids = new ArrayList<>();
                collections.get("collections").forEach(c -> ids.add(c.get("id").asString()));
                String frUs = Channel.idFor(NodeHome.open(fr.home).party().id(), NodeHome.open(us.home).party().id());
                assertThat(ids).containsExactlyInAnyOrder(TaxiiCollections.inbox(frUs), TaxiiCollections.shared(frUs));
                // Its own inbox is write-only and its own shared collection read-only (403).
                assertThat(get(http, root.resolve("collections/" + TaxiiCollections.inbox(frUs) + "/objects/"), auth).statusCode()).isEqualTo(403);
                assertThat(post(http, root.resolve("collections/" + TaxiiCollections.shared(frUs) + "/objects/"), auth, TAXII,
                        "{\"objects\":[]}").statusCode()).isEqualTo(403);
                // FR-CERT is nobody at RU-CERT's node.
                URI ruRoot = URI.create("https://127.0.0.1:" + ru.port + "/hotline/");
                HttpResponse<String> atRu = get(HttpClient.newBuilder().sslContext(ruTrust(ru)).build(), ruRoot.resolve("collections/"), auth);
                assertThat(atRu.statusCode()).isEqualTo(401);
            }
            assertThat(us.json("concern", "show", id).get("state").asString()).isEqualTo("delivered");
        }
    }

    private static javax.net.ssl.SSLContext ruTrust(TestNode ru) {
        NodeHome h = NodeHome.open(ru.home);
        return org.hotline.server.tls.ClientTls.context(null, null, org.hotline.server.tls.NodeCertificate.certificate(h.keyStore()));
    }

    @Test
    void concernsFiledWhileThePartnerIsDownArriveOnceAfterItRestarts() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            connect(ru, us, dir.resolve("secret"));
            us.stop();
            // Pulling from a partner that is down: unavailable (69, try again later), not refused (3).
            TestNode.Run down = ru.inHome("sync");
            assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(down.out()).contains("US-CERT: pull failed: ").contains("cannot connect");
            Path m = materials("m.json");
            List<String> ids = List.of(file(ru, m, "first while down"), file(ru, m, "second while down"), file(ru, m, "third while down"));
            for (String id : ids) {
                JsonNode shown = ru.json("concern", "show", id);
                assertThat(shown.get("state").asString()).isEqualTo("sent");
                assertThat(shown.get("deliveries").get(0).get("state").asString()).isEqualTo("pending");
                assertThat(shown.get("deliveries").get(0).get("last_error").asString()).contains("US-CERT");
            }
            us.start();
            // The outbox retries after its backoff; meanwhile US-CERT catches up by pulling RU-CERT's shared collection.
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(ru.home))) {
                assertThat(ids).noneMatch(id -> r.db().outbox().reachedPartner(id));
            }
            JsonNode pulled = us.json("sync");
            assertThat(pulled.get(0).get("applied").asInt()).isEqualTo(3);
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(ru.home))) {
                // RU's server recorded what US fetched: US has the filings, though no push of them was accepted.
                assertThat(ids).allMatch(id -> r.db().outbox().reachedPartner(id) && !r.db().outbox().isDelivered(id));
            }
            assertThat(us.json("sync").get(0).get("applied").asInt()).isZero();
            assertThat(us.json("sync", "--all").get(0).get("duplicates").asInt()).isEqualTo(3);
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(ru.home))) {
                // What the outbox delivers again is applied as a duplicate: nothing twice.
                for (String id : ids) {
                    new org.hotline.taxii.client.TaxiiTransport(r.httpClient(), p -> r.credentials(p.id()), java.time.Duration.ofSeconds(30),
                            org.hotline.taxii.client.TaxiiTransport.StatusPolling.standard(), r.validator())
                            .deliver(r.channel(r.desk().concern(id).channelId()), r.db().concerns().history(id));
                }
            }
            JsonNode list = us.json("concern", "list");
            assertThat(list).hasSize(3);
            for (String id : ids) {
                assertThat(history(us, id)).hasSize(1).isEqualTo(history(ru, id));
            }
        }
    }

    @Test
    void tamperedReplayedWronglyTypedMalformedOrOversizedEnvelopesAreRefusedAndNothingIsStored() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            connect(ru, us, dir.resolve("secret"));
            us.stop();
            String id = file(ru, materials("m.json"), "held back for the refusal tests");
            ru.json("concern", "provide-materials", id, "--materials", materials("m2.json").toString());
            us.start();
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(ru.home))) {
                List<Message> h = r.db().concerns().history(id);
                Channel channel = r.channel(r.desk().concern(id).channelId());
                List<org.hotline.channel.Party> parties = List.of(channel.local(), channel.partner());
                String whole = StixJson.write(ConcernExport.envelope(ConcernExport.objects(h, parties)));
                String filingOnly = StixJson.write(ConcernExport.envelope(ConcernExport.objects(h.subList(0, 1), parties)));
                var withoutFiling = ConcernExport.objects(h, parties).stream().filter(o -> !o.get("type").asString().equals("incident")).toList();
                HttpClient http = r.httpClient();
                String auth = r.credentials(channel.partner().id()).orElseThrow().header();
                URI inbox = URI.create("https://127.0.0.1:" + us.port + "/hotline/collections/" + TaxiiCollections.inbox(channel.id()) + "/objects/");

                String sig = h.get(0).signature();
                String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
                refused(post(http, inbox, auth, TAXII, filingOnly.replace(sig, flipped)), 422, "bad-signature");
                refused(post(http, inbox, auth, TAXII, whole.replace("held back for the refusal tests", "altered summary")), 422, null);
                refused(post(http, inbox, auth, TAXII, StixJson.write(ConcernExport.envelope(withoutFiling))), 409, null);
                refused(post(http, inbox, auth, "application/json", whole), 415, null);
                refused(post(http, inbox, auth, TAXII, "{\"objects\":[{\"type\":\"incident\",\"spec_version\":\"2.1\","
                        + "\"id\":\"incident--not-a-uuid\",\"created\":\"yesterday\"}]}"), 422, "invalid");
                var oversized = org.hotline.testing.EarlyRefusal.post(r.tls(), inbox, TAXII, TAXII, auth,
                        "{\"objects\":[" + "\"x\",".repeat(2_700_000) + "\"x\"]}");
                assertThat(oversized.status()).as(oversized.body()).isEqualTo(413);
                assertThat(oversized.contentType()).isEqualTo(TAXII);
                assertThat(us.json("concern", "list")).isEmpty();

                // Delivered whole it is taken; sent again it is a success that changes nothing.
                HttpResponse<String> ok = post(http, inbox, auth, TAXII, whole);
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
                HttpResponse<String> again = post(http, inbox, auth, TAXII, whole);
                assertThat(again.statusCode()).isEqualTo(202);
                assertThat(Json.MAPPER.readTree(again.body()).get("successes").get(0).get("message").asString()).isEqualTo("already present");
                assertThat(history(us, id)).isEqualTo(h);

                // A genuinely signed message replayed onto an older point of the chain, after which US
                // holds RU's own step: RU forking its own history is refused for good.
                Message fork = org.hotline.channel.Seal.sign(new Message(Ids.random("note"), id, channel.local().id(),
                        h.get(1).created().plusSeconds(1), new org.hotline.channel.MessageBody.StatusUpdate("forked"),
                        org.hotline.channel.Seal.hash(h.get(0)), null), NodeHome.open(ru.home).signer());
                refused(post(http, inbox, auth, TAXII, StixJson.write(ConcernExport.envelope(ConcernExport.objects(
                        List.of(h.get(0), fork), parties)))), 403, "forbidden");
                assertThat(history(us, id)).isEqualTo(h);
            }
        }
    }

    /**
     * Both nodes down; US responds, then RU provides materials, each after the acknowledgement and
     * neither seeing the other's step. Before, each node refused the other's step as a broken chain
     * (409, retried for ever) and the two showed different states. Now the response, taken first,
     * stands on both: US refuses RU's push for good (422 diverged), RU sets its own step aside when the
     * response reaches it, and US's pull of RU's collection (which still holds it) reports the settled
     * fork instead of a refusal.
     */
    @Test
    void stepsTakenOnBothNodesWhileTheyCannotReachEachOtherSettleOnTheStepTakenFirst() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            String id = acknowledgedThenBothStoppedAndUsResponds(ru, us);
            ru.json("concern", "provide-materials", id, "--materials", materials("m2.json").toString());
            Message response = history(us, id).get(2);
            Message provided = history(ru, id).get(2);
            assertThat(provided.created()).isAfter(response.created());
            ru.start();
            us.start();

            try (NodeRuntime r = new NodeRuntime(NodeHome.open(ru.home))) {
                Channel channel = r.channel(r.desk().concern(id).channelId());
                assertThatThrownBy(() -> transport(r).deliver(channel, r.db().concerns().history(id)))
                        .isInstanceOfSatisfying(org.hotline.channel.port.Transport.DeliveryException.class, e -> {
                            assertThat(e.permanent()).as("no retry can mend a fork").isTrue();
                            assertThat(e.getMessage()).contains("422", "The step taken first stands, " + response.id());
                        });
            }
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(us.home))) {
                transport(r).deliver(r.channel(r.desk().concern(id).channelId()), r.db().concerns().history(id));
            }
            JsonNode onRu = ru.json("concern", "show", id);
            assertThat(onRu.get("state").asString()).isEqualTo("answered");
            assertThat(onRu.get("set_aside")).singleElement().satisfies(x -> {
                assertThat(x.get("id").asString()).isEqualTo(provided.id());
                assertThat(x.get("superseded_by").asString()).isEqualTo(response.id());
            });
            assertThat(onRu.get("deliveries")).filteredOn(d -> d.get("message").asString().equals(provided.id()))
                    .singleElement().satisfies(d -> {
                        assertThat(d.get("state").asString()).isEqualTo("failed");
                        assertThat(d.get("last_error").asString()).contains("set aside");
                    });
            assertThat(ru.ok("concern", "show", id, "--home", ru.home.toString()))
                    .contains("Set aside by a fork: concern " + id + ": this node's materials-provided " + provided.id());
            assertThat(ru.json("concern", "list").get(0).get("set_aside_count").asInt()).isEqualTo(1);
            assertThat(ru.ok("concern", "list", "--home", ru.home.toString())).contains("Set aside by a fork: 1 step(s) of this node's in " + id);

            JsonNode pulled = us.json("sync");
            assertThat(pulled.get(0).get("refused")).isEmpty();
            assertThat(pulled.get(0).get("forks")).singleElement().satisfies(f -> assertThat(f.asString()).startsWith(provided.id()));
            List<Message> settled = history(us, id);
            assertThat(settled).hasSize(3).endsWith(response).isEqualTo(history(ru, id));
            JsonNode onUs = us.json("concern", "show", id);
            assertThat(onUs.get("state").asString()).isEqualTo("answered");
            assertThat(onUs.get("set_aside")).isEmpty();
            assertThat(us.json("concern", "list").get(0).get("set_aside_count").asInt()).isZero();
            assertThat(onUs.get("verification").get("ok").asBoolean()).isTrue();
            assertThat(onRu.get("verification").get("ok").asBoolean()).isTrue();
        }
    }

    /**
     * As above, but RU took two steps while cut off. RU's shared collection still holds both once RU
     * set them aside; US's pull reports the first as a settled fork and the second, which follows the
     * first, as a refusal ("out of order"), so sync exits as if the partner had sent something bad.
     */
    @Test
    void aPullOfTwoStepsTheirNodeSetAsideReportsASettledForkNotARefusal() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            String id = acknowledgedThenBothStoppedAndUsResponds(ru, us);
            ru.json("concern", "provide-materials", id, "--materials", materials("m2.json").toString());
            ru.json("concern", "provide-materials", id, "--materials", materials("m3.json").toString());
            Message response = history(us, id).get(2);
            List<Message> ruSteps = history(ru, id).subList(2, 4);
            ru.start();
            us.start();
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(us.home))) {
                transport(r).deliver(r.channel(r.desk().concern(id).channelId()), r.db().concerns().history(id));
            }
            assertThat(ru.json("concern", "show", id).get("set_aside")).hasSize(2);

            JsonNode pulled = us.json("sync");
            assertThat(pulled.get(0).get("refused")).isEmpty();
            assertThat(pulled.get(0).get("forks")).hasSize(2);
            assertThat(history(us, id)).hasSize(3).endsWith(response).isEqualTo(history(ru, id)).doesNotContainAnyElementsOf(ruSteps);
        }
    }

    /**
     * A concern RU filed and US acknowledged, on both nodes; then both nodes stop and US responds
     * while neither can reach the other (the fork tests then have RU take its own step).
     */
    private String acknowledgedThenBothStoppedAndUsResponds(TestNode ru, TestNode us) throws Exception {
        connect(ru, us, dir.resolve("secret"));
        String id = file(ru, materials("m.json"), "SSH brute force from US address space");
        us.json("concern", "ack", id, "--note", "looking into it");
        assertThat(ru.json("concern", "show", id).get("state").asString()).isEqualTo("acknowledged");
        ru.stop();
        us.stop();
        us.json("concern", "respond", id, "--findings", "a compromised VPS", "--action", "notified the host",
                "--outcome", "action-taken");
        return id;
    }

    private static org.hotline.taxii.client.TaxiiTransport transport(NodeRuntime r) {
        return new org.hotline.taxii.client.TaxiiTransport(r.httpClient(), p -> r.credentials(p.id()), java.time.Duration.ofSeconds(30),
                org.hotline.taxii.client.TaxiiTransport.StatusPolling.standard(), r.validator());
    }

    /**
     * US-CERT's side of the channel does not carry AMBER: RU-CERT's AMBER filing is refused on push
     * and on pull, and the pull says how to fetch it again once the terms are mended, which works.
     */
    @Test
    void aConcernRefusedOnTermsIsPulledAgainWithAllOnceTheTermsAllowIt() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU").start(); TestNode us = new TestNode(dir, "US-CERT", "US").start()) {
            Path secret = dir.resolve("secret");
            ru.ok("channel", "add", "--home", ru.home.toString(), "--partner", us.card().toString(), "--secret-file", secret.toString());
            us.ok("channel", "add", "--home", us.home.toString(), "--partner", ru.card().toString(), "--secret-file", secret.toString(),
                    "--tlp", "clear,green");
            String id = file(ru, materials("m.json"), "filed as AMBER");
            assertThat(ru.json("concern", "show", id).get("deliveries").get(0).get("state").asString()).isEqualTo("failed");

            TestNode.Run pulled = us.inHome("sync");
            assertThat(pulled.code()).isEqualTo(ExitCodes.REFUSED);
            assertThat(pulled.out()).contains("1 refused:", "does not allow TLP:AMBER", "`hotline sync --all` pulls them again");
            assertThat(us.json("concern", "list")).isEmpty();

            us.ok("channel", "add", "--home", us.home.toString(), "--partner", ru.card().toString(), "--secret-file", secret.toString());
            assertThat(us.json("sync").get(0).get("objects").asInt()).as("the cursor moved past it").isZero();
            assertThat(us.json("sync", "--all").get(0).get("applied").asInt()).isEqualTo(1);
            assertThat(history(us, id)).isEqualTo(history(ru, id));
        }
    }

    private static void refused(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains(TAXII);
        if (status >= 400) {
            JsonNode e = Json.MAPPER.readTree(r.body());
            assertThat(e.get("description").asString()).isNotBlank();
            if (code != null) {
                assertThat(e.get("error_code").asString()).isEqualTo(code);
            }
        }
    }

    static HttpResponse<String> get(HttpClient http, URI uri, String auth) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", TAXII).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient http, URI uri, String auth, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", TAXII).header("Authorization", auth)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
