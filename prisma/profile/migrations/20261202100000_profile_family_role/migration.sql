-- Row-level security on "profile"."child_profiles" (init migration) binds every connection,
-- including a superuser or owner one, once each transaction runs as profile_family:
--   SET LOCAL ROLE profile_family   (ParentRowScope, through SqlTransactions.runScoped)
-- NOLOGIN; granted to the migrating user, which is the user the service connects as. In
-- production also GRANT profile_family TO <the app's login role>. Re-runnable.
DO $$ BEGIN CREATE ROLE profile_family NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN EXECUTE format('GRANT profile_family TO %I', current_user); EXCEPTION WHEN OTHERS THEN NULL; END $$;
GRANT USAGE ON SCHEMA "profile" TO profile_family;
GRANT SELECT, INSERT, UPDATE, DELETE ON "profile"."child_profiles" TO profile_family;
