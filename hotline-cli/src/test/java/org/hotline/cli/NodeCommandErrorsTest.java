package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.Ids;
import org.hotline.channel.Materials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node commands that fail for a reason outside Hotline (a file that cannot be written, a port that
 * is taken) say so in one line with the documented exit code, not as an internal error with a trace.
 */
class NodeCommandErrorsTest {
    @TempDir
    Path dir;

    @Test
    void anExportThatCannotBeWrittenIsAnOutputProblemNamingTheFile() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU"); TestNode us = new TestNode(dir, "US-CERT", "US")) {
            Path secret = dir.resolve("secret");
            ru.ok("channel", "add", "--home", ru.home.toString(), "--partner", us.card().toString(), "--secret-file", secret.toString());
            // The partner's node is not running: the concern stays queued, and can be exported all the same.
            String id = ru.json("concern", "file", "--partner", "US-CERT", "--summary", "scans from US").get("id").asString();
            Path notADirectory = dir.resolve("a-file");
            Files.writeString(notADirectory, "x");

            TestNode.Run r = ru.inHome("concern", "export", id, "--out", notADirectory.resolve("concern.json").toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OUTPUT_PROBLEM);
            assertThat(r.err()).contains(notADirectory.resolve("concern.json").toString()).doesNotContain("internal error", "\tat ");
        }
    }

    @Test
    void materialsTooLargeForAnyDeliveryAreRefusedBeforeAnythingIsStored() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU"); TestNode us = new TestNode(dir, "US-CERT", "US")) {
            ru.ok("channel", "add", "--home", ru.home.toString(), "--partner", us.card().toString(),
                    "--secret-file", dir.resolve("secret").toString());
            // 25,000 evidence lines of 400 characters: 11 MB of materials, over 10 MiB once rendered as STIX.
            List<Materials.LogExcerpt> lines = new ArrayList<>();
            for (int i = 1; i <= 25_000; i++) {
                lines.add(new Materials.LogExcerpt("auth.log", "ab".repeat(32), i, "sshd[812]: Failed password " + "x".repeat(400)));
            }
            Materials big = new Materials(Ids.random("grouping"), "many lines", List.of(), lines, null);
            Path file = dir.resolve("big.json");
            Files.writeString(file, Json.MAPPER.writeValueAsString(CanonicalForm.materials(big)));

            TestNode.Run r = ru.inHome("concern", "file", "--partner", "US-CERT", "--summary", "scans", "--materials", file.toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("nothing was stored", "MiB", "US-CERT").doesNotContain("\tat ");
            assertThat(ru.json("concern", "list").size()).isZero();

            // A step on a draft is still the desk's refusal (exit 3), not a failure to measure it.
            String draft = ru.ok("concern", "file", "--home", ru.home.toString(), "--partner", "US-CERT", "--summary", "later",
                    "--draft").trim();
            TestNode.Run step = ru.inHome("concern", "withdraw", draft, "--reason", "changed my mind");
            assertThat(step.code()).as(step.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(step.err()).contains("is a draft");
        }
    }

    /**
     * A partner writes its own card, name included. Named as this node, or as another partner, its
     * messages would read "by US-CERT" in concern show and the console, and what it owes would count
     * as waiting on us: names are how both show who did what, so they must tell the parties apart.
     */
    @Test
    void aPartnerCardNamedAsThisNodeOrAnotherPartnerIsRefused() {
        try (TestNode us = new TestNode(dir, "US-CERT", "US"); TestNode ru = new TestNode(dir, "RU-CERT", "RU");
             TestNode impostor = new TestNode(dir.resolve("elsewhere"), "us-cert", "RU");
             TestNode ruTwin = new TestNode(dir.resolve("twin"), "RU-CERT", "RU")) {
            Path secret = dir.resolve("secret");
            us.ok("channel", "add", "--home", us.home.toString(), "--partner", ru.card().toString(), "--secret-file", secret.toString());

            for (TestNode other : List.of(impostor, ruTwin)) {
                TestNode.Run r = us.inHome("channel", "add", "--partner", other.card().toString(), "--secret-file", secret.toString());
                assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
                assertThat(r.err()).contains("'" + other.name + "'").doesNotContain("\tat ");
            }
            assertThat(us.json("channel", "list").size()).isEqualTo(1);
            // The same partner again (its card updated) is no conflict with itself.
            us.ok("channel", "add", "--home", us.home.toString(), "--partner", ru.card().toString(), "--secret-file", secret.toString());
        }
    }

    @Test
    void aTlpTheChannelDoesNotCarryIsRefusedNamingTheLevelsAsTheyAreTyped() {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU"); TestNode us = new TestNode(dir, "US-CERT", "US")) {
            ru.ok("channel", "add", "--home", ru.home.toString(), "--partner", us.card().toString(),
                    "--secret-file", dir.resolve("secret").toString(), "--tlp", "green,amber+strict");

            TestNode.Run r = ru.inHome("concern", "file", "--partner", "US-CERT", "--summary", "scans", "--tlp", "red");

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.REFUSED);
            // It listed the enum's names, "[GREEN, AMBER_STRICT]", which --tlp does not take.
            assertThat(r.err()).contains("allowed: green, amber+strict").doesNotContain("AMBER_STRICT");
        }
    }

    @Test
    void syncCursorsCutShortByACrashCostAFullPullNotAnInternalError() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU"); TestNode us = new TestNode(dir, "US-CERT", "US")) {
            ru.ok("channel", "add", "--home", ru.home.toString(), "--partner", us.card().toString(),
                    "--secret-file", dir.resolve("secret").toString());
            Path cursors = ru.home.resolve("sync.json");
            Files.writeString(cursors, "{\n  \"channel--a6129e5c");   // as a sync killed while writing it left it

            TestNode.Run r = ru.inHome("sync");

            // US-CERT's node is not running: unavailable (69), as with an intact file.
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(r.err()).contains("pulling everything again").doesNotContain("internal error");
            assertThat(Json.MAPPER.readTree(cursors.toFile()).isObject()).isTrue();
        }
    }

    @Test
    void serveOnAPortInUseSaysSoWithoutATrace() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU");
             ServerSocket taken = new ServerSocket(ru.port, 1, InetAddress.getLoopbackAddress())) {
            TestNode.Run r = ru.inHome("serve");

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("127.0.0.1:" + ru.port).contains("in use").doesNotContain("internal error", "\tat ");
        }
    }
}
