-- Counters kept by the analytics.event.recorded consumer. Moved out of the former
-- 20261123200000_messaging migration when the outbox and inbox went to libs/messaging/sql;
-- IF NOT EXISTS keeps databases migrated by that older migration working.
CREATE TABLE IF NOT EXISTS "analytics"."recorded_event_counters" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "event_type" VARCHAR(100) NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recorded_event_counters_pkey" PRIMARY KEY ("tenant_id", "event_type")
);
