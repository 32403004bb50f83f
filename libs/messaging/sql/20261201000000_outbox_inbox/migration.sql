-- libs/messaging: transactional outbox, consumer inbox, relay wake-up, in the schema of
-- every service that declares "messaging" in prisma/<service>/platform.json. "__SCHEMA__"
-- is replaced by that schema. Idempotent (IF NOT EXISTS, OR REPLACE) so that it applies
-- cleanly on databases migrated before libs owned their SQL, where these objects came from
-- analytics' 20261123200000_messaging and 20261123200100_messaging_relay_wake.
CREATE SCHEMA IF NOT EXISTS "__SCHEMA__";

-- Outbox: events written in the same transaction as the business rows, moved to Redis
-- Streams by the relay. "payload" holds the whole event envelope.
CREATE TABLE IF NOT EXISTS "__SCHEMA__"."outbox" (
    "seq" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "aggregate_id" VARCHAR(200),
    "payload" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "outbox_status_check" CHECK ("status" IN ('pending', 'published', 'failed'))
);

CREATE UNIQUE INDEX IF NOT EXISTS "outbox_seq_key" ON "__SCHEMA__"."outbox"("seq");
CREATE INDEX IF NOT EXISTS "outbox_pending_idx" ON "__SCHEMA__"."outbox"("seq") WHERE "status" = 'pending';
CREATE INDEX IF NOT EXISTS "outbox_pending_aggregate_idx" ON "__SCHEMA__"."outbox"("aggregate_id", "seq") WHERE "status" = 'pending';
CREATE INDEX IF NOT EXISTS "outbox_failed_idx" ON "__SCHEMA__"."outbox"("seq") WHERE "status" = 'failed';

-- NOTIFY takes a database-wide lock at commit, which serialises every publishing
-- transaction. Notify only while a relay is idle and listening: relays register in
-- "outbox_relay_waiting" before they sleep and leave when they wake. A busy relay is woken
-- in-process after commits and by its poll, so the hot path never pays for NOTIFY.
CREATE UNLOGGED TABLE IF NOT EXISTS "__SCHEMA__"."outbox_relay_waiting" (
    "relay_id" VARCHAR(200) NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_relay_waiting_pkey" PRIMARY KEY ("relay_id")
);

-- Wake an idle relay on commit (LISTEN "<schema>_outbox"); it also polls as a fallback.
CREATE OR REPLACE FUNCTION "__SCHEMA__"."outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "__SCHEMA__"."outbox_relay_waiting") THEN
        PERFORM pg_notify(TG_TABLE_SCHEMA || '_outbox', '');
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS "outbox_notify" ON "__SCHEMA__"."outbox";
CREATE TRIGGER "outbox_notify" AFTER INSERT ON "__SCHEMA__"."outbox"
    FOR EACH STATEMENT EXECUTE FUNCTION "__SCHEMA__"."outbox_notify"();

-- Inbox: event ids a consumer group has processed, written in the handler's transaction.
CREATE TABLE IF NOT EXISTS "__SCHEMA__"."inbox" (
    "consumer" VARCHAR(100) NOT NULL,
    "event_id" UUID NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_pkey" PRIMARY KEY ("consumer", "event_id")
);

CREATE INDEX IF NOT EXISTS "inbox_processed_at_idx" ON "__SCHEMA__"."inbox"("processed_at");
