-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "identity";

-- CreateTable: a signed-in session, the family of its refresh tokens
CREATE TABLE "identity"."sessions" (
    "id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "user_id" VARCHAR(200) NOT NULL,
    "roles" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoke_reason" VARCHAR(64),
    "user_agent" VARCHAR(300),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sessions_tenant_id_user_id_idx" ON "identity"."sessions"("tenant_id", "user_id");

-- CreateTable: refresh tokens, stored only as SHA-256 hashes
CREATE TABLE "identity"."refresh_tokens" (
    "token_hash" CHAR(64) NOT NULL,
    "session_id" UUID NOT NULL,
    "parent_hash" CHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "rotated_at" TIMESTAMPTZ(3),
    "grace_cipher" TEXT,

    CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("token_hash"),
    CONSTRAINT "refresh_tokens_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "identity"."sessions"("id") ON DELETE CASCADE
);
CREATE INDEX "refresh_tokens_session_id_idx" ON "identity"."refresh_tokens"("session_id");

-- CreateTable: REBAC tuples object#relation@subject per tenant
CREATE TABLE "identity"."relation_tuples" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "object" VARCHAR(200) NOT NULL,
    "relation" VARCHAR(64) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "relation_tuples_pkey" PRIMARY KEY ("tenant_id", "object", "relation", "subject")
);
CREATE INDEX "relation_tuples_tenant_id_subject_idx" ON "identity"."relation_tuples"("tenant_id", "subject");

-- CreateTable: audit log of authentication and authorization decisions
CREATE TABLE "identity"."audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "request_id" VARCHAR(128) NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "principal" VARCHAR(200),
    "kind" VARCHAR(32) NOT NULL,
    "action" VARCHAR(200) NOT NULL,
    "object" VARCHAR(300),
    "decision" VARCHAR(5) NOT NULL,
    "reason" VARCHAR(64) NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_tenant_id_id_idx" ON "identity"."audit_log"("tenant_id", "id" DESC);

-- CreateTable: TOTP authenticators (secret encrypted at rest)
CREATE TABLE "identity"."totp_enrolments" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "user_id" VARCHAR(200) NOT NULL,
    "secret_cipher" TEXT NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "last_time_step" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "totp_enrolments_pkey" PRIMARY KEY ("tenant_id", "user_id")
);
