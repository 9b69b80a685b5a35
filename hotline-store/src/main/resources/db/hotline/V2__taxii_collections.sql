-- TAXII 2.1 collections: any STIX object, as received, with the facts TAXII filters on.
-- Instants here are BIGINT microseconds since the epoch: TAXII's date_added carries microseconds
-- (medallion writes six digits) and must be strictly increasing per collection.

-- One row per collection: the lock adds take, and the last sequence and date_added handed out,
-- so both keep increasing even after the newest objects are deleted.
CREATE TABLE taxii_collection (
    id               VARCHAR(64) PRIMARY KEY,
    last_sequence    BIGINT      NOT NULL,
    last_added_us    BIGINT      NOT NULL
);

CREATE TABLE taxii_object (
    collection_id    VARCHAR(64)  NOT NULL REFERENCES taxii_collection (id),
    sequence         BIGINT       NOT NULL,     -- insertion order within the collection: the paging cursor
    stix_id          VARCHAR(128) NOT NULL,
    stix_type        VARCHAR(64)  NOT NULL,
    version          VARCHAR(40)  NOT NULL,     -- as written in the object (modified, else created), else date added
    version_us       BIGINT       NOT NULL,     -- the same instant, for comparing versions
    spec_version     VARCHAR(8)   NOT NULL,
    date_added_us    BIGINT       NOT NULL,
    json             TEXT         NOT NULL,
    PRIMARY KEY (collection_id, sequence),
    CONSTRAINT taxii_object_version UNIQUE (collection_id, stix_id, version_us)
);
CREATE INDEX taxii_object_type ON taxii_object (collection_id, stix_type);
