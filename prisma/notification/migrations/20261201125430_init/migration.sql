-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "notification";

-- Preferences per parent: NULL = the default (digest follows identity's marketing consent).
CREATE TABLE "notification"."preferences" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "digest" BOOLEAN,
    "receipts" BOOLEAN,
    "welcome" BOOLEAN,
    "timezone" VARCHAR(64),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "preferences_pkey" PRIMARY KEY ("tenant_id", "parent_user_id")
);

-- New episodes collected per parent and local day until the digest of that day is flushed.
CREATE TABLE "notification"."digest_items" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "local_day" DATE NOT NULL,
    "episode_id" VARCHAR(128) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "flushed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" BIGSERIAL NOT NULL,

    CONSTRAINT "digest_items_pkey" PRIMARY KEY ("tenant_id", "parent_user_id", "local_day", "episode_id")
);

CREATE INDEX "digest_items_open_idx" ON "notification"."digest_items"("closes_at") WHERE "flushed_at" IS NULL;

-- Every message, recorded before it is sent: the dedupe key makes a redelivered event send nothing twice.
CREATE TABLE "notification"."deliveries" (
    "id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "dedupe_key" VARCHAR(300) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "channel" VARCHAR(8),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" VARCHAR(500),
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "deliveries_status_check" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed'))
);

CREATE UNIQUE INDEX "deliveries_tenant_id_dedupe_key_key" ON "notification"."deliveries"("tenant_id", "dedupe_key");
CREATE INDEX "deliveries_due_idx" ON "notification"."deliveries"("next_attempt_at") WHERE "status" IN ('pending', 'sending');
CREATE INDEX "deliveries_parent_idx" ON "notification"."deliveries"("tenant_id", "parent_user_id", "created_at");
