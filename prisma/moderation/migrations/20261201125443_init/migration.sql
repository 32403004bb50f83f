-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "moderation";

-- CreateTable: one review per asset (the policy's decision, or the queue entry an admin decides)
CREATE TABLE "moderation"."reviews" (
    "asset_id" VARCHAR(64) NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "episode_id" VARCHAR(64) NOT NULL,
    "creator_id" VARCHAR(64) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "rules" JSONB NOT NULL,
    "reason" VARCHAR(64),
    "language" VARCHAR(16) NOT NULL,
    "trust" VARCHAR(16) NOT NULL,
    "asset" JSONB NOT NULL,
    "decided_by" VARCHAR(200),
    "decision_note" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("asset_id"),
    CONSTRAINT "reviews_status_check" CHECK ("status" IN ('queued', 'approved', 'rejected'))
);

-- CreateIndex: the review queue, oldest first
CREATE INDEX "reviews_queued_idx" ON "moderation"."reviews"("created_at", "asset_id") WHERE "status" = 'queued';

-- CreateTable: every decision, automatic and manual (who, what, before, after)
CREATE TABLE "moderation"."audit_entries" (
    "id" VARCHAR(128) NOT NULL,
    "actor" VARCHAR(200) NOT NULL,
    "actor_role" VARCHAR(32) NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "target_type" VARCHAR(32) NOT NULL,
    "target_id" VARCHAR(128) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_entries_occurred_at_id_idx" ON "moderation"."audit_entries"("occurred_at" DESC, "id" DESC);
