-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "billing";

-- CreateTable: one row per subscription; no card data (the provider keeps it), only its charge reference.
CREATE TABLE "billing"."subscriptions" (
    "id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "plan" VARCHAR(64) NOT NULL,
    "source" VARCHAR(16) NOT NULL,
    "consent_id" VARCHAR(128),
    "charge_reference" VARCHAR(128),
    "current_period_start" TIMESTAMPTZ(3) NOT NULL,
    "current_period_end" TIMESTAMPTZ(3) NOT NULL,
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "canceled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "subscriptions_source_check" CHECK ("source" IN ('consent', 'purchase')),
    CONSTRAINT "subscriptions_period_check" CHECK ("current_period_end" > "current_period_start")
);

-- CreateIndex
CREATE INDEX "subscriptions_tenant_id_parent_user_id_created_at_idx" ON "billing"."subscriptions"("tenant_id", "parent_user_id", "created_at" DESC);

-- One consent grant (the trial) per parent, however often consent.verified is delivered.
CREATE UNIQUE INDEX "subscriptions_one_consent_grant_key" ON "billing"."subscriptions"("tenant_id", "parent_user_id") WHERE "source" = 'consent';
