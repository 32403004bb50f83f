-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "progress";

-- CreateTable
CREATE TABLE "progress"."watch_events" (
    "id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watch_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "watch_events_tenant_id_created_at_idx" ON "progress"."watch_events"("tenant_id", "created_at" DESC);
