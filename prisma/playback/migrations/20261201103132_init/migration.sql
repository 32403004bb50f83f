-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "playback";

-- CreateTable
CREATE TABLE "playback"."sessions" (
    "id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "child_profile_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(64) NOT NULL,
    "episode_id" VARCHAR(64) NOT NULL,
    "device_type" VARCHAR(32) NOT NULL,
    "media_key" VARCHAR(512) NOT NULL,
    "limit_minutes" INTEGER NOT NULL,
    "used_at_start" INTEGER NOT NULL,
    "minutes_watched" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" VARCHAR(32),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sessions_child_profile_id_started_at_idx" ON "playback"."sessions"("child_profile_id", "started_at" DESC);
