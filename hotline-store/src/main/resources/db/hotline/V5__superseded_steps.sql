-- Steps set aside when a fork was settled against them (org.hotline.channel.Forks): they leave the
-- chain for negative positions (-1 for the first set aside, then -2...), so the unique
-- (concern, position) key and every history query stay as they were, and their outbox rows keep
-- pointing at them. Kept, not deleted: they were signed and may have been shown to someone.
ALTER TABLE message ADD COLUMN superseded_by VARCHAR(64);
ALTER TABLE message ADD COLUMN superseded_ms BIGINT;
