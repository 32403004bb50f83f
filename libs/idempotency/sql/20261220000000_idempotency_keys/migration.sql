-- libs/idempotency: the outcome of every Idempotency-Key, in the schema of every service that
-- declares "idempotency" in prisma/<service>/platform.json ("__SCHEMA__" is replaced by it).
-- A claim is committed on its own (token set, response NULL, expires_at = the lock's end);
-- the answer is written in the same transaction as the handler's rows and its outbox rows
-- (token NULL, response set, expires_at = the end of its retention). A crash before that
-- commit leaves the claim, which expires and is taken again; after it, the answer is replayed.
CREATE SCHEMA IF NOT EXISTS "__SCHEMA__";

CREATE TABLE IF NOT EXISTS "__SCHEMA__"."idempotency_keys" (
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "token" TEXT,
    "response" JSONB,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "idempotency_keys_state_check" CHECK (("token" IS NULL) <> ("response" IS NULL))
);

-- The purge deletes expired rows in bounded batches, oldest first.
CREATE INDEX IF NOT EXISTS "idempotency_keys_expires_at_idx" ON "__SCHEMA__"."idempotency_keys"("expires_at");
