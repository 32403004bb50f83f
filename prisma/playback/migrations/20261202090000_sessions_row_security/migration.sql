-- Row-level security on playback's sessions, keyed by the acting parent (the same mechanism as
-- prisma/identity/migrations/*_family_controls): libs/persistence's SqlTransactions.runScoped sets,
-- per transaction,
--   SET LOCAL ROLE playback_family   (policies bind it; a superuser or owner connection would bypass them)
--   mm.tenant_id, mm.parent_user_id  (a parent's or its child's request)  or  mm.scope = 'service'
--   (event consumers and platform callers only).
-- A query without those settings sees and writes nothing. Idempotent.
DO $$ BEGIN CREATE ROLE playback_family NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN EXECUTE format('GRANT playback_family TO %I', current_user); EXCEPTION WHEN OTHERS THEN NULL; END $$;
GRANT USAGE ON SCHEMA "playback" TO playback_family;

CREATE INDEX IF NOT EXISTS "sessions_parent_idx" ON "playback"."sessions" ("tenant_id", "parent_user_id");

ALTER TABLE "playback"."sessions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "playback"."sessions" FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS family_scope ON "playback"."sessions";
CREATE POLICY family_scope ON "playback"."sessions"
  USING (tenant_id = current_setting('mm.tenant_id', true)
         AND (current_setting('mm.scope', true) = 'service' OR parent_user_id = current_setting('mm.parent_user_id', true)))
  WITH CHECK (tenant_id = current_setting('mm.tenant_id', true)
         AND (current_setting('mm.scope', true) = 'service' OR parent_user_id = current_setting('mm.parent_user_id', true)));
GRANT SELECT, INSERT, UPDATE, DELETE ON "playback"."sessions" TO playback_family;
