package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.hotline.server.auth.PartnerAccess;
import org.hotline.server.auth.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A status resource names the objects of one caller's Add Objects request: a real server with two
 * partners shows it to the partner that posted and answers 404 to the other, as for an unknown id.
 */
class StatusOwnerTest {
    private static final String COLLECTION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
    private static final String OBJECT = "{\"objects\":[{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\","
            + "\"id\":\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\",\"value\":\"198.51.100.3\"}]}";

    @Test
    void anotherPartnerCannotReadAStatusByItsId(@TempDir Path dir) {
        CollectionInfo both = new CollectionInfo(COLLECTION, "open", null, null, true, true);
        try (TestTaxiiNode node = new TestTaxiiNode(dir, List.of(
                new PartnerAccess("identity--0b0c6d3e-1f2a-4b3c-8d4e-5f6a7b8c9d01", "B-CERT", "b", PasswordHash.hash("b-password"), null),
                new PartnerAccess("identity--0b0c6d3e-1f2a-4b3c-8d4e-5f6a7b8c9d02", "C-CERT", "c", PasswordHash.hash("c-password"), null)),
                caller -> List.of(both))) {
            TaxiiHttp b = new TaxiiHttp(node.tls, node.base()).basic("b", "b-password");
            TaxiiHttp c = new TaxiiHttp(node.tls, node.base()).basic("c", "c-password");

            HttpResponse<String> posted = b.post("api/collections/" + COLLECTION + "/objects/", OBJECT);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            String status = "api/status/" + TaxiiHttp.json(posted).get("id").asString() + "/";

            assertThat(b.get(status).statusCode()).isEqualTo(200);
            HttpResponse<String> other = c.get(status);
            assertThat(other.statusCode()).as(other.body()).isEqualTo(404);
            assertThat(other.body()).doesNotContain("198.51.100.3", "ipv4-addr--");
        }
    }
}
