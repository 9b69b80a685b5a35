-- The channel: parties, channels, concern histories and the outbox.
-- One script for SQLite and PostgreSQL. Instants are BIGINT milliseconds since the epoch (the
-- channel's timestamps carry milliseconds); ${identity} is the only vendor difference (Dialect).

CREATE TABLE party (
    id          VARCHAR(64) PRIMARY KEY,        -- identity--<uuid>
    name        TEXT        NOT NULL,
    country     CHAR(2)     NOT NULL,
    public_key  TEXT        NOT NULL,           -- base64 of the raw Ed25519 key
    taxii_url   TEXT                            -- null: partner not reachable
);

CREATE TABLE channel (
    id                     VARCHAR(64) PRIMARY KEY,   -- channel--<uuid5 of both party ids>
    local_party            VARCHAR(64) NOT NULL REFERENCES party (id),
    partner_party          VARCHAR(64) NOT NULL REFERENCES party (id),
    tlps                   TEXT        NOT NULL,      -- comma-separated Tlp ids
    concern_kinds          TEXT        NOT NULL,      -- comma-separated ConcernKind ids
    acknowledge_within_ms  BIGINT      NOT NULL,
    respond_within_ms      BIGINT      NOT NULL,
    materials_within_ms    BIGINT      NOT NULL,
    created_ms             BIGINT      NOT NULL
);

-- One row per concern: the lock appends take, and the head a new message must chain to.
CREATE TABLE concern (
    id          VARCHAR(64) PRIMARY KEY,        -- incident--<uuid>
    channel_id  VARCHAR(64) NOT NULL REFERENCES channel (id),
    length      INTEGER     NOT NULL,           -- messages stored
    head_hash   CHAR(64),                       -- SHA-256 of the last sealed message; null for a draft
    updated_ms  BIGINT      NOT NULL            -- created time of the last message
);
CREATE INDEX concern_by_update ON concern (updated_ms, id);

-- Each message as its canonical JSON (CanonicalForm.tree), plus the columns queries need.
CREATE TABLE message (
    id          VARCHAR(64) PRIMARY KEY,        -- incident--<uuid> (filing) or note--<uuid>
    concern_id  VARCHAR(64) NOT NULL REFERENCES concern (id),
    position    INTEGER     NOT NULL,           -- 0 for the filing
    kind        VARCHAR(32) NOT NULL,
    author      VARCHAR(64) NOT NULL,
    created_ms  BIGINT      NOT NULL,
    hash        CHAR(64),                       -- null for an unsealed draft
    json        TEXT        NOT NULL,
    -- A second line of defence against forks: two messages can never take one place.
    CONSTRAINT message_position UNIQUE (concern_id, position)
);

CREATE TABLE outbox (
    id               ${identity},
    message_id       VARCHAR(64) NOT NULL REFERENCES message (id),
    concern_id       VARCHAR(64) NOT NULL,
    partner          VARCHAR(64) NOT NULL,
    state            VARCHAR(16) NOT NULL,      -- pending | delivered | failed (permanently)
    attempts         INTEGER     NOT NULL,      -- failed attempts so far
    next_attempt_ms  BIGINT      NOT NULL,
    last_error       TEXT,
    delivered_ms     BIGINT,
    CONSTRAINT outbox_once UNIQUE (message_id, partner)
);
CREATE INDEX outbox_pending ON outbox (next_attempt_ms, id) WHERE state = 'pending';
