import type { EventEnvelope } from '../../event-envelope';
import { InboxStore, type InboxJob } from '../../ports/inbox-store';
import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';

/**
 * Inbox in the service's Postgres schema (table `inbox`): the processed mark and the
 * handler's own writes commit in one transaction, so a redelivery never reruns a handler
 * whose effects were committed, and a handler that failed leaves no mark.
 */
export class PostgresInboxStore extends InboxStore {
  readonly kind = 'postgres' as const;
  private readonly table: string;

  constructor(
    private readonly tx: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."inbox"`;
  }

  runOnce(consumer: string, envelope: EventEnvelope, handler: () => Promise<void>): Promise<boolean> {
    return this.tx.run(async () => {
      const inserted = await this.tx
        .client()
        .query(`INSERT INTO ${this.table} (consumer, event_id, type) VALUES ($1, $2::uuid, $3) ON CONFLICT DO NOTHING RETURNING 1 AS ok`, [
          consumer,
          envelope.id,
          envelope.type,
        ]);
      if (inserted.length === 0) return false;
      await handler();
      return true;
    });
  }

  /**
   * Many events in ONE transaction (one commit per batch instead of one per event). Fast
   * path: mark them all with one INSERT, run the handlers, commit. If a handler fails, that
   * transaction rolls back and the batch runs again with a savepoint per event, so the
   * failing one loses only its own writes and mark (the others' handlers run a second time,
   * their first writes having been rolled back). Per job: `null` or the error.
   */
  override async runBatch(consumer: string, jobs: InboxJob[]): Promise<unknown[]> {
    if (jobs.length === 0) return [];
    try {
      return await this.tx.run(async () => {
        const fresh = new Set(
          (
            await this.tx.client().query<{ id: string }>(
              `INSERT INTO ${this.table} (consumer, event_id, type)
               SELECT $1, e.id, e.type FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
               ON CONFLICT DO NOTHING RETURNING event_id::text AS id`,
              [consumer, jobs.map((j) => j.envelope.id), jobs.map((j) => j.envelope.type)],
            )
          ).map((r) => r.id),
        );
        for (const job of jobs) if (fresh.delete(job.envelope.id)) await job.run();
        return jobs.map(() => null);
      });
    } catch (error) {
      if (jobs.length === 1) return [error ?? new Error('handler failed')];
      return this.runIsolated(consumer, jobs);
    }
  }

  private async runIsolated(consumer: string, jobs: InboxJob[]): Promise<unknown[]> {
    const results: unknown[] = [];
    try {
      await this.tx.run(async () => {
        for (const job of jobs) {
          await this.tx.client().execute('SAVEPOINT inbox_job');
          try {
            const inserted = await this.tx
              .client()
              .query(
                `INSERT INTO ${this.table} (consumer, event_id, type) VALUES ($1, $2::uuid, $3) ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
                [consumer, job.envelope.id, job.envelope.type],
              );
            if (inserted.length > 0) await job.run();
            await this.tx.client().execute('RELEASE SAVEPOINT inbox_job');
            results.push(null);
          } catch (error) {
            await this.tx.client().execute('ROLLBACK TO SAVEPOINT inbox_job');
            results.push(error ?? new Error('handler failed'));
          }
        }
      });
    } catch (error) {
      return jobs.map(() => error);
    }
    return results;
  }

  async has(consumer: string, eventId: string): Promise<boolean> {
    const rows = await this.tx
      .client()
      .query(`SELECT 1 AS ok FROM ${this.table} WHERE consumer = $1 AND event_id = $2::uuid`, [consumer, eventId]);
    return rows.length > 0;
  }
}
