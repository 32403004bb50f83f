-- CreateSchema: the media-pipeline worker owns "media_pipeline" for its inbox and outbox
-- (libs/messaging, listed in platform.json); it has no tables of its own yet.
CREATE SCHEMA IF NOT EXISTS "media_pipeline";
