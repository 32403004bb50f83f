-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "creator_studio";

-- CreateTable
CREATE TABLE "creator_studio"."assets" (
    "id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "status" VARCHAR(20) NOT NULL DEFAULT 'queued',
    "source_url" VARCHAR(2048) NOT NULL,
    "uploader_id" VARCHAR(128) NOT NULL,
    "title" VARCHAR(200),
    "summary" VARCHAR(2000),
    "show_id" VARCHAR(128),
    "age_band" VARCHAR(8),
    "learning_tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "last_error_code" VARCHAR(64),
    "last_error_message" VARCHAR(500),
    "last_error_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "assets_status_check" CHECK ("status" IN ('queued', 'ingested', 'transcoding', 'transcoded', 'published', 'rejected', 'failed'))
);

-- CreateIndex
CREATE INDEX "assets_tenant_id_created_at_idx" ON "creator_studio"."assets"("tenant_id", "created_at" DESC);
