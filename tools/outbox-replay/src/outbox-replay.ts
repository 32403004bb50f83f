import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { PostgresOutboxStore } from '@mikasmissions/messaging';
import { parseReplayArgs, USAGE, UsageError, type ReplayArgs } from './replay-args';
import { renderTable } from './render-table';

/** Where the CLI writes. */
export interface ReplayOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `outbox-replay`: lists failed outbox rows or requeues them (dry-run by default). Returns
 * the exit code: 0 ok, 1 database error, 2 bad usage.
 */
export async function runOutboxReplay(argv: string[], env: Record<string, string | undefined>, io: ReplayOutput): Promise<number> {
  let args: ReplayArgs | 'help';
  try {
    args = parseReplayArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`outbox-replay: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (!env.DATABASE_URL) {
    io.err('outbox-replay: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/mikasmissions)\n');
    return 2;
  }
  const pool = createPgPool(env.DATABASE_URL, 2);
  try {
    const store = new PostgresOutboxStore(new PoolSqlTransactions(pool), args.schema);
    if (args.mode === 'list-failed') {
      const rows = await store.listFailed(args.limit);
      io.out(`${rows.length} failed row${rows.length === 1 ? '' : 's'} in ${args.schema}.outbox (limit ${args.limit})\n`);
      if (rows.length > 0) io.out(`${renderTable(rows)}\n`);
      return 0;
    }
    const rows = await store.requeueFailed({ limit: args.limit, dryRun: args.dryRun, resetAttempts: args.resetAttempts });
    const attempts = args.resetAttempts ? 'attempts reset to 0' : 'attempts kept';
    io.out(
      args.dryRun
        ? `dry run: would requeue ${rows.length} row${rows.length === 1 ? '' : 's'} of ${args.schema}.outbox (${attempts}); run with --dry-run=false to do it\n`
        : `requeued ${rows.length} row${rows.length === 1 ? '' : 's'} of ${args.schema}.outbox to pending (${attempts})\n`,
    );
    if (rows.length > 0) io.out(`${renderTable(args.dryRun ? rows : rows.map((r) => ({ ...r, status: 'pending' as const })))}\n`);
    return 0;
  } catch (error) {
    io.err(`outbox-replay: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}
