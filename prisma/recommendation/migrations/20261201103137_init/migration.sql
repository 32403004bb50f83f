-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "recommendation";

-- CreateTable: what each child watched (from progress.updated, never while history is paused)
CREATE TABLE "recommendation"."child_episode_states" (
    "child_id" VARCHAR(128) NOT NULL,
    "episode_id" VARCHAR(128) NOT NULL,
    "age_band" VARCHAR(8),
    "position_seconds" INTEGER NOT NULL,
    "completed" BOOLEAN NOT NULL,
    "learning_tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "child_episode_states_pkey" PRIMARY KEY ("child_id", "episode_id")
);

-- CreateIndex
CREATE INDEX "child_episode_states_band_completed_idx" ON "recommendation"."child_episode_states"("age_band", "completed_at" DESC);

-- CreateTable: the child's band and the parent's controls as the service last saw them
CREATE TABLE "recommendation"."child_features" (
    "child_id" VARCHAR(128) NOT NULL,
    "parent_user_id" VARCHAR(128),
    "age_band" VARCHAR(8),
    "controls" JSONB,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "child_features_pkey" PRIMARY KEY ("child_id")
);

-- CreateTable: the last home computed per child, served while catalog is down (same policy only)
CREATE TABLE "recommendation"."home_snapshots" (
    "child_id" VARCHAR(128) NOT NULL,
    "policy_key" VARCHAR(128) NOT NULL,
    "rails" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "home_snapshots_pkey" PRIMARY KEY ("child_id")
);
