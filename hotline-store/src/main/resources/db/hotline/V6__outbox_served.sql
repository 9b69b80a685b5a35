-- When the partner's node first fetched a queued message from this node's shared collection (a pull):
-- from then on it may hold the message even if no push was accepted, and a fork may no longer set
-- the message aside here (the partner could otherwise fork on purpose around a step it already has).
ALTER TABLE outbox ADD COLUMN served_ms BIGINT;
