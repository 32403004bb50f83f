import type { EventEnvelope } from '../../event-envelope';
import { InboxStore, type InboxJob } from '../../ports/inbox-store';
import { quoteSchema, type SqlTransactions } from './sql-client';

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
      const inserted = await this.tx.client().query(
        `INSERT INTO ${this.table} (consumer, event_id, type) VALUES ($1, $2::uuid, $3) ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
        [consumer, envelope.id, envelope.type],
      );
      if (inserted.length === 0) return false;
      await handler();
      return true;
    });
  }

  /**
   * Many events in ONE transaction, each under a savepoint: a failing handler rolls back only
   * its own writes and inbox row; the rest commit together (one commit per batch instead of
   * one per event). If the commit fails, every job reports that error and is retried.
   */
  override async runBatch(consumer: string, jobs: InboxJob[]): Promise<unknown[]> {
    const results: unknown[] = [];
    try {
      await this.tx.run(async () => {
        for (const job of jobs) {
          await this.tx.client().execute('SAVEPOINT inbox_job');
          try {
            const inserted = await this.tx.client().query(
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
    const rows = await this.tx.client().query(`SELECT 1 AS ok FROM ${this.table} WHERE consumer = $1 AND event_id = $2::uuid`, [consumer, eventId]);
    return rows.length > 0;
  }
}
