-- TAXII 2.1 status resources (section 4.3), kept at least 24 hours (interop requirement).
CREATE TABLE taxii_status (
    id            VARCHAR(64) PRIMARY KEY,      -- a UUID
    requested_us  BIGINT      NOT NULL,         -- request_timestamp, microseconds since the epoch
    json          TEXT        NOT NULL
);
CREATE INDEX taxii_status_age ON taxii_status (requested_us);
