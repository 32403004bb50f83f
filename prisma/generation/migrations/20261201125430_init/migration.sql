-- CreateSchema: the generation worker owns "generation" for its inbox and outbox
-- (libs/messaging, listed in platform.json); it has no tables of its own.
CREATE SCHEMA IF NOT EXISTS "generation";
