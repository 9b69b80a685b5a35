package org.hotline.cli;

import tools.jackson.databind.json.JsonMapper;

/** The CLI's one JSON mapper (thread-safe, immutable). */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
