-- Parental controls, parent gates (PINs, challenges, lockouts, gate tokens) and kids sessions
-- (apps/identity src/controls, src/gates, src/kids-sessions), with row-level security keyed by
-- the acting parent: libs/persistence's SqlTransactions.runScoped sets, per transaction,
--   SET LOCAL ROLE identity_family   (policies bind it; a superuser or owner connection would bypass them)
--   mm.tenant_id, mm.parent_user_id  (a parent's request)  or  mm.scope = 'service' (/internal/* only).
-- A query without those settings sees and writes nothing. Idempotent.
CREATE SCHEMA IF NOT EXISTS "identity";

DO $$ BEGIN CREATE ROLE identity_family NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN EXECUTE format('GRANT identity_family TO %I', current_user); EXCEPTION WHEN OTHERS THEN NULL; END $$;
GRANT USAGE ON SCHEMA "identity" TO identity_family;

CREATE TABLE IF NOT EXISTS "identity"."child_controls" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "child_profile_id" VARCHAR(128) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "controls" JSONB NOT NULL,
    "updated_by" VARCHAR(200) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "child_controls_pkey" PRIMARY KEY ("tenant_id", "child_profile_id")
);
CREATE INDEX IF NOT EXISTS "child_controls_parent_idx" ON "identity"."child_controls" ("tenant_id", "parent_user_id");

CREATE TABLE IF NOT EXISTS "identity"."parent_pins" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "pin_hash" VARCHAR(200) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "parent_pins_pkey" PRIMARY KEY ("tenant_id", "parent_user_id")
);

CREATE TABLE IF NOT EXISTS "identity"."gate_lockouts" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    CONSTRAINT "gate_lockouts_pkey" PRIMARY KEY ("tenant_id", "parent_user_id")
);

CREATE TABLE IF NOT EXISTS "identity"."gate_challenges" (
    "id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "child_profile_id" VARCHAR(128) NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "answer_hash" CHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "gate_challenges_pkey" PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "gate_challenges_expires_idx" ON "identity"."gate_challenges" ("expires_at");

CREATE TABLE IF NOT EXISTS "identity"."gate_tokens" (
    "token_hash" CHAR(64) NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "child_profile_id" VARCHAR(128) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    CONSTRAINT "gate_tokens_pkey" PRIMARY KEY ("token_hash")
);

CREATE TABLE IF NOT EXISTS "identity"."kids_sessions" (
    "session_id" UUID NOT NULL,
    "tenant_id" VARCHAR(64) NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "child_profile_id" VARCHAR(128) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "kids_sessions_pkey" PRIMARY KEY ("session_id")
);
CREATE INDEX IF NOT EXISTS "kids_sessions_child_idx" ON "identity"."kids_sessions" ("tenant_id", "child_profile_id");

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['child_controls', 'parent_pins', 'gate_lockouts', 'gate_challenges', 'gate_tokens', 'kids_sessions'] LOOP
    EXECUTE format('ALTER TABLE "identity".%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE "identity".%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS family_scope ON "identity".%I', t);
    EXECUTE format($p$CREATE POLICY family_scope ON "identity".%I
      USING (tenant_id = current_setting('mm.tenant_id', true)
             AND (current_setting('mm.scope', true) = 'service' OR parent_user_id = current_setting('mm.parent_user_id', true)))
      WITH CHECK (tenant_id = current_setting('mm.tenant_id', true)
             AND (current_setting('mm.scope', true) = 'service' OR parent_user_id = current_setting('mm.parent_user_id', true)))$p$, t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON "identity".%I TO identity_family', t);
  END LOOP;
END $$;
