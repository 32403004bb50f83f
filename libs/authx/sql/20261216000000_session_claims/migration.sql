-- libs/authx: extra signed claims of a session (`mm_role`, `parent_user_id`, `child_profile_id`),
-- copied into every access token the session mints, refreshes included. Idempotent.
ALTER TABLE "__SCHEMA__"."sessions" ADD COLUMN IF NOT EXISTS "claims" JSONB;
