-- libs/messaging: where the relay put each published row, so that it can tell when Redis
-- lost it. "stream_entry_id" is the XADD id, "stream_epoch" the value of the stream's marker
-- key ("<stream>:epoch") at that moment: a Redis that restarted without its data, or was
-- flushed, has a new marker. Published rows are kept for the retention window
-- (relay.publishedRetentionMs) and re-sent by the reconciler when their entry is gone.
-- Idempotent; "__SCHEMA__" is the service's schema.
ALTER TABLE "__SCHEMA__"."outbox" ADD COLUMN IF NOT EXISTS "stream_entry_id" VARCHAR(40);
ALTER TABLE "__SCHEMA__"."outbox" ADD COLUMN IF NOT EXISTS "stream_epoch" VARCHAR(64);

CREATE INDEX IF NOT EXISTS "outbox_published_idx" ON "__SCHEMA__"."outbox"("seq") WHERE "status" = 'published';
