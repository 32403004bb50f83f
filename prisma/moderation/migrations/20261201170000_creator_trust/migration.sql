-- CreateTable: creator trust levels an admin set (PUT /v1/admin/moderation/creators/{creator_id}); they win over the configured ones
CREATE TABLE "moderation"."creator_trust" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "creator_id" VARCHAR(128) NOT NULL,
    "trust_level" VARCHAR(16) NOT NULL,
    "updated_by" VARCHAR(200) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "creator_trust_pkey" PRIMARY KEY ("tenant_id", "creator_id"),
    CONSTRAINT "creator_trust_level_check" CHECK ("trust_level" IN ('trusted', 'standard', 'low', 'unknown'))
);
