-- libs/audit: the append-only audit of admin actions and decisions, in the schema of every
-- service that declares "audit" in prisma/<service>/platform.json. "__SCHEMA__" is replaced by
-- that schema. Idempotent (IF NOT EXISTS) so that it applies cleanly where the table came from
-- the service's own init migration, before the lib owned its SQL (admin-studio's
-- 20261201112432_init, moderation's 20261201125443_init).
CREATE SCHEMA IF NOT EXISTS "__SCHEMA__";

CREATE TABLE IF NOT EXISTS "__SCHEMA__"."audit_entries" (
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

-- The newest entries first.
CREATE INDEX IF NOT EXISTS "audit_entries_occurred_at_id_idx" ON "__SCHEMA__"."audit_entries"("occurred_at" DESC, "id" DESC);

-- One target's entries, newest first (a listing filtered by target type and id).
CREATE INDEX IF NOT EXISTS "audit_entries_target_idx" ON "__SCHEMA__"."audit_entries"("target_type", "target_id", "occurred_at" DESC, "id" DESC);
