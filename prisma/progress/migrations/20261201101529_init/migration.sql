-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "progress";

-- CreateTable: every accepted watch event once; the primary key is the natural key a resent event hits.
CREATE TABLE "progress"."watch_events" (
    "child_profile_id" VARCHAR(128) NOT NULL,
    "episode_id" VARCHAR(128) NOT NULL,
    "event_time" TIMESTAMPTZ(3) NOT NULL,
    "watch_ms" BIGINT NOT NULL,
    "watched_ms" BIGINT NOT NULL DEFAULT 0,
    "local_date" DATE NOT NULL,
    "history_paused" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watch_events_pkey" PRIMARY KEY ("child_profile_id", "episode_id", "event_time")
);

-- CreateTable: the resume point per child and episode.
CREATE TABLE "progress"."episode_positions" (
    "child_profile_id" VARCHAR(128) NOT NULL,
    "episode_id" VARCHAR(128) NOT NULL,
    "position_ms" BIGINT NOT NULL,
    "completed" BOOLEAN NOT NULL DEFAULT false,
    "last_event_time" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "episode_positions_pkey" PRIMARY KEY ("child_profile_id", "episode_id")
);

-- CreateIndex
CREATE INDEX "episode_positions_child_profile_id_last_event_time_idx" ON "progress"."episode_positions"("child_profile_id", "last_event_time" DESC);

-- CreateTable: the watch-time ledger per child per local day (the child's timezone).
CREATE TABLE "progress"."daily_usage" (
    "child_profile_id" VARCHAR(128) NOT NULL,
    "local_date" DATE NOT NULL,
    "watched_ms" BIGINT NOT NULL DEFAULT 0,
    "completions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_usage_pkey" PRIMARY KEY ("child_profile_id", "local_date")
);
