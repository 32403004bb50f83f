-- Parents (signup, login, consent status), verifiable consent requests and records, admin
-- users and the dashboard's per-child per-day ledger (fed by progress.updated).
CREATE TABLE IF NOT EXISTS "identity"."parents" (
    "id" VARCHAR(128) NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "email_key" VARCHAR(254) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "language" VARCHAR(35) NOT NULL,
    "marketing" BOOLEAN NOT NULL DEFAULT false,
    "status" VARCHAR(20) NOT NULL,
    "consent_verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "parents_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "parents_status_check" CHECK ("status" IN ('pending_consent', 'active'))
);
CREATE UNIQUE INDEX IF NOT EXISTS "parents_tenant_id_email_key_key" ON "identity"."parents"("tenant_id", "email_key");

CREATE TABLE IF NOT EXISTS "identity"."consent_requests" (
    "id" VARCHAR(128) NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "method" VARCHAR(20) NOT NULL,
    "code_hash" VARCHAR(128) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "consent_requests_pkey" PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "consent_requests_tenant_id_parent_user_id_created_at_idx" ON "identity"."consent_requests"("tenant_id", "parent_user_id", "created_at" DESC);

CREATE TABLE IF NOT EXISTS "identity"."consent_records" (
    "id" VARCHAR(128) NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "consent_request_id" VARCHAR(128) NOT NULL,
    "method" VARCHAR(20) NOT NULL,
    "verified_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "consent_records_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "consent_records_consent_request_id_key" ON "identity"."consent_records"("consent_request_id");
CREATE INDEX IF NOT EXISTS "consent_records_tenant_id_parent_user_id_idx" ON "identity"."consent_records"("tenant_id", "parent_user_id");

CREATE TABLE IF NOT EXISTS "identity"."admin_users" (
    "id" VARCHAR(128) NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "email_key" VARCHAR(254) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "admin_users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "admin_users_tenant_id_email_key_key" ON "identity"."admin_users"("tenant_id", "email_key");

CREATE TABLE IF NOT EXISTS "identity"."dashboard_watch_days" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "child_profile_id" VARCHAR(128) NOT NULL,
    "day" DATE NOT NULL,
    "parent_user_id" VARCHAR(128),
    "watched_ms" BIGINT NOT NULL DEFAULT 0,
    "learning_events" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dashboard_watch_days_pkey" PRIMARY KEY ("tenant_id", "child_profile_id", "day")
);
