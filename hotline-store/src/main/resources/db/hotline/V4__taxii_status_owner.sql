-- Who made the Add Objects request of each status resource: only that caller may read it (TAXII 2.1
-- section 4.3 lists status among a requester's own resources; another partner learnt object ids from
-- it). Rows from before have no owner and are shown to nobody; they expire within a day anyway.
ALTER TABLE taxii_status ADD COLUMN owner VARCHAR(200);
