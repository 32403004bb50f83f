-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "profile";

-- CreateTable
CREATE TABLE "profile"."child_profiles" (
    "id" UUID NOT NULL,
    "parent_user_id" VARCHAR(128) NOT NULL,
    "display_name" VARCHAR(40) NOT NULL,
    "age_band" VARCHAR(8) NOT NULL,
    "avatar" VARCHAR(32) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "child_profiles_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "child_profiles_age_band_check" CHECK ("age_band" IN ('3-5', '6-11', '12-16'))
);

-- CreateIndex
CREATE INDEX "child_profiles_parent_user_id_created_at_idx" ON "profile"."child_profiles"("parent_user_id", "created_at", "id");

-- Row-level security (issue 11, "Defence in depth"): a row is visible only to the acting
-- parent, whose id the app sets per transaction with set_config('mm.parent_user_id', …, true)
-- (apps/profile/src/child-profiles/adapters/parent-row-scope.ts). The service bypass
-- ('mm.rls_bypass' = 'service') is set only by the /internal/profiles/{id} lookup. FORCE
-- applies the policy to the table owner too; superusers still bypass RLS, so production must
-- connect as a non-superuser role.
ALTER TABLE "profile"."child_profiles" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "profile"."child_profiles" FORCE ROW LEVEL SECURITY;
CREATE POLICY "child_profiles_acting_parent" ON "profile"."child_profiles"
    USING ("parent_user_id" = current_setting('mm.parent_user_id', true) OR current_setting('mm.rls_bypass', true) = 'service')
    WITH CHECK ("parent_user_id" = current_setting('mm.parent_user_id', true) OR current_setting('mm.rls_bypass', true) = 'service');
