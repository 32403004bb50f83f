-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "admin_studio";

-- CreateTable
CREATE TABLE "admin_studio"."workflows" (
    "id" VARCHAR(128) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "content_suitability" VARCHAR(16) NOT NULL,
    "age_band" VARCHAR(16) NOT NULL,
    "steps" JSONB NOT NULL,
    "model_profile_id" VARCHAR(128) NOT NULL,
    "safety_profile" VARCHAR(64) NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_studio"."workflow_versions" (
    "workflow_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_versions_pkey" PRIMARY KEY ("workflow_id", "version")
);

-- CreateTable
CREATE TABLE "admin_studio"."model_profiles" (
    "id" VARCHAR(128) NOT NULL,
    "provider" VARCHAR(32) NOT NULL,
    "base_url" VARCHAR(2048) NOT NULL,
    "model_id" VARCHAR(200) NOT NULL,
    "timeout_ms" INTEGER NOT NULL,
    "max_retries" INTEGER NOT NULL,
    "safety_preset" VARCHAR(64) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_studio"."runs" (
    "id" VARCHAR(128) NOT NULL,
    "workflow_id" VARCHAR(128) NOT NULL,
    "workflow_version" INTEGER NOT NULL,
    "model_profile_id" VARCHAR(128) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "priority" VARCHAR(8) NOT NULL,
    "auto_publish" BOOLEAN NOT NULL,
    "input_payload" JSONB NOT NULL,
    "last_error" VARCHAR(64),
    "attempt" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_studio"."run_logs" (
    "id" BIGSERIAL NOT NULL,
    "run_id" VARCHAR(128) NOT NULL,
    "step" VARCHAR(40) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "message" VARCHAR(500) NOT NULL,
    "event_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "run_logs_run_id_id_idx" ON "admin_studio"."run_logs"("run_id", "id");

-- AddForeignKey
ALTER TABLE "admin_studio"."workflow_versions" ADD CONSTRAINT "workflow_versions_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "admin_studio"."workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "admin_studio"."audit_entries" (
    "id" VARCHAR(128) NOT NULL,
    "actor" VARCHAR(200) NOT NULL,
    "actor_role" VARCHAR(32) NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "target_type" VARCHAR(32) NOT NULL,
    "target_id" VARCHAR(128) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_entries_occurred_at_id_idx" ON "admin_studio"."audit_entries"("occurred_at" DESC, "id" DESC);
