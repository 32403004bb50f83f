-- libs/authx: RBAC roles defined at run time (POST /admin/auth/roles), one row per permission,
-- so every replica reads the same roles. tenant_id "*" is a role of every tenant (platform
-- admins only). Roles declared in AuthxModule.forRoot({ roles }) stay in code.
CREATE TABLE IF NOT EXISTS "__SCHEMA__"."role_definitions" (
    "tenant_id" VARCHAR(64) NOT NULL,
    "role" VARCHAR(64) NOT NULL,
    "permission" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_definitions_pkey" PRIMARY KEY ("tenant_id", "role", "permission")
);
