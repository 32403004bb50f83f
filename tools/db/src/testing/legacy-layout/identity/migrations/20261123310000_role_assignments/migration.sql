-- CreateTable: roles granted to a user in a tenant (added to the session at sign-in)
CREATE TABLE "identity"."role_assignments" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "user_id" VARCHAR(200) NOT NULL,
    "role" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("tenant_id", "user_id", "role")
);
