package org.hotline.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CanonicalJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String canonical(String json) {
        return new String(CanonicalJson.bytes(JSON.readTree(json)), StandardCharsets.UTF_8);
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAndDropsWhitespace() {
        // RFC 8785 section 3.2.3's sorting example keys (without the float values we do not support).
        String in = "{\"\\u20ac\": 1, \"\\r\": 2, \"\\ud83d\\ude00\": 3, \"1\": 4, \"\\u0080\": 5, \"\\u00f6\": 6, \"b\": [true, null, \"x\"]}";
        assertThat(canonical(in)).isEqualTo("{\"\\r\":2,\"1\":4,\"b\":[true,null,\"x\"],\"\u0080\":5,\"ö\":6,\"€\":1,\"😀\":3}");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(canonical("{\"s\": \"a\\\"b\\\\c\\n\\u0001/é\"}")).isEqualTo("{\"s\":\"a\\\"b\\\\c\\n\\u0001/é\"}");
    }

    @Test
    void refusesFractionsRatherThanPrintingThemDifferently() {
        assertThatThrownBy(() -> canonical("{\"x\": 1.5}")).isInstanceOf(IllegalArgumentException.class);
    }
}
