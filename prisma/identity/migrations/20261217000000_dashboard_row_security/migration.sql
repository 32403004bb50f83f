-- Row-level security on the dashboard ledger (identity.dashboard_watch_days), the same policy as
-- the family tables (migrations/20261201120000_family_controls): role identity_family, settings
-- mm.tenant_id + mm.parent_user_id (a parent's dashboard read) or mm.scope = 'service' (the
-- progress.updated consumer, erasure). A query without those settings sees and writes nothing.
-- A row whose parent is unknown (NULL) is visible to the service scope only. Idempotent.
CREATE INDEX IF NOT EXISTS "dashboard_watch_days_parent_idx" ON "identity"."dashboard_watch_days" ("tenant_id", "parent_user_id");

ALTER TABLE "identity"."dashboard_watch_days" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "identity"."dashboard_watch_days" FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS family_scope ON "identity"."dashboard_watch_days";
CREATE POLICY family_scope ON "identity"."dashboard_watch_days"
  USING (tenant_id = current_setting('mm.tenant_id', true)
         AND (current_setting('mm.scope', true) = 'service' OR parent_user_id = current_setting('mm.parent_user_id', true)))
  WITH CHECK (tenant_id = current_setting('mm.tenant_id', true)
         AND (current_setting('mm.scope', true) = 'service' OR parent_user_id = current_setting('mm.parent_user_id', true)));
GRANT SELECT, INSERT, UPDATE, DELETE ON "identity"."dashboard_watch_days" TO identity_family;
