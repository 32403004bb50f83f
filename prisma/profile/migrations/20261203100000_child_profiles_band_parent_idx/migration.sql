-- The parents with a child in an age band (GET /internal/age-bands/{band}/parents, for notification),
-- paged by parent id in byte order.
CREATE INDEX IF NOT EXISTS "child_profiles_age_band_parent_user_id_idx" ON "profile"."child_profiles"("age_band", "parent_user_id" COLLATE "C");
