import type { INestApplication } from '@nestjs/common';
import { OutboxStore, type EventEnvelope } from '@mikasmissions/messaging';
import { PG_POOL } from '@mikasmissions/persistence';
import type { Pool } from 'pg';

/** One event the app wrote to its outbox: type and payload. */
export interface WrittenEvent {
  type: string;
  payload: Record<string, unknown>;
}

/**
 * What the app wrote to its outbox for one aggregate (a child profile id): the rows of
 * `profile.outbox` with Postgres, the envelopes handed to the memory outbox otherwise.
 */
export function outboxReader(app: INestApplication): (aggregateId: string) => Promise<WrittenEvent[]> {
  const pool = app.get<Pool | null>(PG_POOL, { strict: false });
  if (pool) {
    return async (aggregateId) =>
      (
        await pool.query<WrittenEvent>(
          `SELECT type, payload->'payload' AS payload FROM profile.outbox WHERE aggregate_id = $1 ORDER BY seq`,
          [aggregateId],
        )
      ).rows;
  }
  const store = app.get(OutboxStore, { strict: false });
  const seen: EventEnvelope[] = [];
  const append = store.append.bind(store);
  store.append = async (envelopes: EventEnvelope[]) => {
    seen.push(...envelopes);
    return append(envelopes);
  };
  return async (aggregateId) =>
    seen.filter((e) => e.aggregateId === aggregateId).map((e) => ({ type: e.type, payload: e.payload as Record<string, unknown> }));
}
