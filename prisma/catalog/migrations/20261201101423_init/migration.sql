-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "catalog";

-- CreateTable
CREATE TABLE "catalog"."episodes" (
    "episode_id" VARCHAR(128) COLLATE "C" NOT NULL,
    "show_id" VARCHAR(128) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "summary" VARCHAR(2000) NOT NULL DEFAULT '',
    "age_band" VARCHAR(8) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "learning_tags" JSONB NOT NULL DEFAULT '[]',
    "playback_ready" BOOLEAN NOT NULL DEFAULT false,
    "thumbnail" VARCHAR(2048) NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "renditions" JSONB NOT NULL DEFAULT '[]',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "episodes_pkey" PRIMARY KEY ("episode_id"),
    CONSTRAINT "episodes_age_band_check" CHECK ("age_band" IN ('3-5', '6-11', '12-16'))
);

-- CreateIndex
CREATE INDEX "episodes_published_at_episode_id_idx" ON "catalog"."episodes"("published_at" DESC, "episode_id" DESC) WHERE "published_at" IS NOT NULL;
CREATE INDEX "episodes_age_band_published_at_episode_id_idx" ON "catalog"."episodes"("age_band", "published_at" DESC, "episode_id" DESC) WHERE "published_at" IS NOT NULL;
