-- Row-level security on progress's children's data (watch_events, episode_positions,
-- daily_usage), keyed by the acting parent with the same mechanism as
-- prisma/identity/migrations/*_family_controls: libs/persistence's SqlTransactions.runScoped sets,
-- per transaction,
--   SET LOCAL ROLE progress_family   (policies bind it; a superuser or owner connection would bypass them)
--   mm.tenant_id, mm.parent_user_id  (a parent's or its child's request)  or  mm.scope = 'service'
--   (/internal/* and event consumers).
-- The tables gain tenant_id and parent_user_id; both default to the transaction's settings, so a
-- row written under a parent's scope belongs to that parent. Nullable: there is no production
-- data yet, and a row without an owner is visible to the service scope only.
-- A query without those settings sees and writes nothing. Idempotent.
DO $$ BEGIN CREATE ROLE progress_family NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN EXECUTE format('GRANT progress_family TO %I', current_user); EXCEPTION WHEN OTHERS THEN NULL; END $$;
GRANT USAGE ON SCHEMA "progress" TO progress_family;

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['watch_events', 'episode_positions', 'daily_usage'] LOOP
    EXECUTE format($c$ALTER TABLE "progress".%I ADD COLUMN IF NOT EXISTS "tenant_id" VARCHAR(64) DEFAULT NULLIF(current_setting('mm.tenant_id', true), '')$c$, t);
    EXECUTE format($c$ALTER TABLE "progress".%I ADD COLUMN IF NOT EXISTS "parent_user_id" VARCHAR(128) DEFAULT NULLIF(current_setting('mm.parent_user_id', true), '')$c$, t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON "progress".%I ("tenant_id", "parent_user_id")', t || '_parent_idx', t);
    EXECUTE format('ALTER TABLE "progress".%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE "progress".%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS family_scope ON "progress".%I', t);
    EXECUTE format($p$CREATE POLICY family_scope ON "progress".%I
      USING (tenant_id = current_setting('mm.tenant_id', true)
             AND (current_setting('mm.scope', true) = 'service' OR parent_user_id = current_setting('mm.parent_user_id', true)))
      WITH CHECK (tenant_id = current_setting('mm.tenant_id', true)
             AND (current_setting('mm.scope', true) = 'service' OR parent_user_id = current_setting('mm.parent_user_id', true)))$p$, t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON "progress".%I TO progress_family', t);
  END LOOP;
END $$;
