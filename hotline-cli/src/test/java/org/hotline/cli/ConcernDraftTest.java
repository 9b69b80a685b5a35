package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A concern filed with --draft can be sent later, once; until then it stays on this node only. */
class ConcernDraftTest {
    @TempDir
    Path dir;

    @Test
    void aDraftIsSentWithConcernSendAndOnlyOnce() {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU"); TestNode us = new TestNode(dir, "US-CERT", "US")) {
            ru.ok("channel", "add", "--home", ru.home.toString(), "--partner", us.card().toString(),
                    "--secret-file", dir.resolve("secret").toString());
            String id = ru.ok("concern", "file", "--home", ru.home.toString(), "--partner", "US-CERT", "--summary", "scans",
                    "--draft").trim();
            assertThat(ru.json("concern", "show", id).get("state").asString()).isEqualTo("draft");
            // Nothing is owed on a draft: the key is there, null, as scripts expect one shape (it was left out).
            JsonNode draft = ru.json("concern", "show", id);
            assertThat(draft.has("deadline") && draft.get("deadline").isNull()).as(draft.toString()).isTrue();
            // Not signed yet is not a forgery: show offers to send it and reports no problem.
            String shown = ru.ok("concern", "show", id, "--home", ru.home.toString());
            assertThat(shown).doesNotContain("does not verify", "PROBLEMS").contains("You may next: send");
            TestNode.Run verify = ru.inHome("concern", "verify", id);
            assertThat(verify.code()).isEqualTo(ExitCodes.REFUSED);
            assertThat(verify.out() + verify.err()).doesNotContain("does not verify").contains("is a draft", "concern send");

            // US-CERT's node is down: the concern is sealed and queued, so it is sent, not yet delivered.
            assertThat(ru.json("concern", "send", id).get("state").asString()).isEqualTo("sent");
            assertThat(ru.json("concern", "show", id).get("deadline").get("obligation").asString()).isNotBlank();
            assertThat(ru.json("concern", "show", id).get("verification").toString()).doesNotContain("does not verify");

            TestNode.Run again = ru.inHome("concern", "send", id);
            assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(again.err()).contains("already sent");
        }
    }
}
