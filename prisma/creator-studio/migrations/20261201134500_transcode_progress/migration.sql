-- Transcode progress (0-100) while an asset is `transcoding`.
ALTER TABLE "creator_studio"."assets" ADD COLUMN IF NOT EXISTS "progress_percent" SMALLINT;
ALTER TABLE "creator_studio"."assets" DROP CONSTRAINT IF EXISTS "assets_progress_percent_check";
ALTER TABLE "creator_studio"."assets" ADD CONSTRAINT "assets_progress_percent_check" CHECK ("progress_percent" IS NULL OR ("progress_percent" BETWEEN 0 AND 100));
