-- NOTIFY takes a database-wide lock at commit, which serialises every publishing
-- transaction. Notify only while a relay is idle and listening: relays register in
-- "outbox_relay_waiting" before they sleep and leave when they wake. A busy relay is woken
-- in-process after commits and by its poll, so the hot path never pays for NOTIFY.
CREATE UNLOGGED TABLE "analytics"."outbox_relay_waiting" (
    "relay_id" VARCHAR(200) NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_relay_waiting_pkey" PRIMARY KEY ("relay_id")
);

CREATE OR REPLACE FUNCTION "analytics"."outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "analytics"."outbox_relay_waiting") THEN
        PERFORM pg_notify(TG_TABLE_SCHEMA || '_outbox', '');
    END IF;
    RETURN NULL;
END
$$;
