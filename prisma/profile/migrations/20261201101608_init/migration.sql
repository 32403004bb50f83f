-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "profile";

-- CreateTable
CREATE TABLE "profile"."child_profiles" (
    "id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "child_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "child_profiles_tenant_id_created_at_idx" ON "profile"."child_profiles"("tenant_id", "created_at" DESC);
