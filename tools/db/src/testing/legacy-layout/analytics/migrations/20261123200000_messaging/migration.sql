-- Transactional outbox: events written in the same transaction as the business rows,
-- moved to Redis Streams by the relay. "payload" holds the whole event envelope.
CREATE TABLE "analytics"."outbox" (
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

CREATE UNIQUE INDEX "outbox_seq_key" ON "analytics"."outbox"("seq");
CREATE INDEX "outbox_pending_idx" ON "analytics"."outbox"("seq") WHERE "status" = 'pending';
CREATE INDEX "outbox_pending_aggregate_idx" ON "analytics"."outbox"("aggregate_id", "seq") WHERE "status" = 'pending';
CREATE INDEX "outbox_failed_idx" ON "analytics"."outbox"("seq") WHERE "status" = 'failed';

-- Wake the relay on commit (LISTEN "<schema>_outbox"); it also polls as a fallback.
CREATE FUNCTION "analytics"."outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_TABLE_SCHEMA || '_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER "outbox_notify" AFTER INSERT ON "analytics"."outbox"
    FOR EACH STATEMENT EXECUTE FUNCTION "analytics"."outbox_notify"();

-- Inbox: event ids a consumer group has processed, written in the handler's transaction.
CREATE TABLE "analytics"."inbox" (
    "consumer" VARCHAR(100) NOT NULL,
    "event_id" UUID NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_pkey" PRIMARY KEY ("consumer", "event_id")
);

CREATE INDEX "inbox_processed_at_idx" ON "analytics"."inbox"("processed_at");

-- Counters kept by the analytics.event.recorded consumer.
CREATE TABLE "analytics"."recorded_event_counters" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "event_type" VARCHAR(100) NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recorded_event_counters_pkey" PRIMARY KEY ("tenant_id", "event_type")
);
