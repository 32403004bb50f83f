import Redis from 'ioredis';
import { Client } from 'pg';
import { deleteKeysUnder } from './redis-test-keys';
import { testRunKeyPrefix } from './test-run';

/** One test run's resources: its database (on the admin URL's server) and its Redis keys. */
export interface TestRunResources {
  /** The run name: the database's name and the first segment of its keys. */
  name: string;
  /** A Postgres URL of a database other than the run's (`postgres`), to drop it from. */
  adminUrl: string;
  redisUrl: string;
}

/** What {@link cleanupTestRun} removed. */
export interface TestRunCleanup {
  /** The run's database and the `<run>_…` ones its tests made and left (an interrupted test). */
  databasesDropped: string[];
  keysDeleted: number;
}

/**
 * Drops the run's database and the `<run name>_…` databases its tests made (`WITH (FORCE)`:
 * its own sessions may still be open) and deletes every Redis key under `<run name>:`. Tries both, then throws if either failed, so a
 * teardown never hides what it left behind.
 */
export async function cleanupTestRun(run: TestRunResources): Promise<TestRunCleanup> {
  const errors: unknown[] = [];
  const result: TestRunCleanup = { databasesDropped: [], keysDeleted: 0 };
  const admin = new Client({ connectionString: run.adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_')`,
      [run.name],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`);
    result.databasesDropped = rows.map((r) => r.datname);
  } catch (error) {
    errors.push(error);
  } finally {
    await admin.end().catch(() => undefined);
  }
  const redis = new Redis(run.redisUrl, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    result.keysDeleted = await deleteKeysUnder(redis, testRunKeyPrefix(run.name));
  } catch (error) {
    errors.push(error);
  } finally {
    redis.disconnect();
  }
  if (errors.length > 0) throw new AggregateError(errors, `test run ${run.name}: clean-up failed (${errors.map(String).join('; ')})`);
  return result;
}

/**
 * While a run sets up and runs, Ctrl-C (SIGINT) or SIGTERM cleans it up ({@link cleanupTestRun},
 * at most `timeoutMs`) before the process exits with 130/143. Returns the function that stops
 * watching (the teardown calls it, then cleans up itself).
 */
export function cleanupOnSignals(
  run: TestRunResources,
  timeoutMs = 10_000,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): () => void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (started) return;
    started = true;
    const code = signal === 'SIGINT' ? 130 : 143;
    log(`\n[test run] ${signal}: dropping database ${run.name} and its Redis keys`);
    setTimeout(() => process.exit(code), timeoutMs);
    cleanupTestRun(run)
      .then(
        (done) => log(`[test run] dropped ${done.databasesDropped.join(', ') || 'no database'}, deleted ${done.keysDeleted} Redis keys`),
        (error: unknown) => log(`[test run] ${String(error)}`),
      )
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
