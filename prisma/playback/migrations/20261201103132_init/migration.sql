-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "playback";

-- CreateTable
CREATE TABLE "playback"."sessions" (
    "id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sessions_tenant_id_created_at_idx" ON "playback"."sessions"("tenant_id", "created_at" DESC);
