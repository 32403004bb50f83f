-- AlterTable: moderation's states (issue 14): `in_review` (queued for an admin) and `approved` (publish follows)
ALTER TABLE "creator_studio"."assets" DROP CONSTRAINT IF EXISTS "assets_status_check";
ALTER TABLE "creator_studio"."assets" ADD CONSTRAINT "assets_status_check"
    CHECK ("status" IN ('queued', 'ingested', 'transcoding', 'transcoded', 'in_review', 'approved', 'published', 'rejected', 'failed'));
