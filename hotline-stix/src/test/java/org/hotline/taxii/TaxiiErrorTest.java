package org.hotline.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hotline.stix.StixJson;
import org.junit.jupiter.api.Test;

class TaxiiErrorTest {

    @Test
    void writesHttpStatusAsAStringAndOmitsWhatIsAbsent() {
        assertThat(StixJson.write(TaxiiError.of(404, "Not Found", "no collection 91a7b528-80eb-42ed-a74d-c6fbd5a26116").toJson()))
                .isEqualTo("{\"title\":\"Not Found\",\"description\":\"no collection 91a7b528-80eb-42ed-a74d-c6fbd5a26116\",\"http_status\":\"404\"}");
    }

    @Test
    void readsBackWhatItWritesWithEveryField() {
        TaxiiError e = new TaxiiError("Refused", "signature", "e-1", "BAD_SIGNATURE", "422", "https://example.org/e-1",
                Map.of("object", "note--1"));
        assertThat(TaxiiError.parse(e.toJson())).isEqualTo(e);
    }

    @Test
    void readsLeniently() {
        // medallion writes http_status as a string; some servers write a number.
        TaxiiError e = TaxiiError.parse(StixJson.read("{\"title\":\"InternalError\",\"http_status\":500,\"details\":{\"n\":3}}"));
        assertThat(e.httpStatus()).isEqualTo("500");
        assertThat(e.details()).containsEntry("n", "3");
        assertThat(e.summary()).isEqualTo("InternalError");
        assertThat(TaxiiError.parse(StixJson.read("{\"message\":\"no title\"}"))).isNull();
        assertThatThrownBy(() -> TaxiiError.of(500, " ", null)).hasMessageContaining("needs a title");
    }
}
