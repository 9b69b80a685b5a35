package org.hotline.server.console;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the operator console shows, as the JSON the CLI prints for the same question ({@code concern
 * list --json}, {@code concern show --json}, {@code channel report --json}), so a script may read
 * either and the page shows nothing the CLI would not. The node's composition root supplies it.
 */
public interface ConsoleData {
    /** This node: {@code {"party": {...}, "partners": [...]}}. */
    JsonNode node();

    /** Every concern, one summary each, as {@code concern list --json}. */
    JsonNode concerns();

    /** One concern with its signed history, as {@code concern show --json}; empty if there is none. */
    Optional<JsonNode> concern(String id);

    /**
     * Each channel's account of concerns filed in [since, until) (either may be null: open-ended), as
     * {@code channel report --json}.
     */
    JsonNode report(Instant since, Instant until);

    /**
     * Where the attacking sources named in the materials of open concerns (or of all, {@code all}) are
     * located, by country, as {@code concern origins --json}.
     */
    JsonNode origins(boolean all);
}
