import type { Client } from 'pg';
import { TEST_RUN_NAME_PREFIX, testRunOfDatabase, testRunStartedAt } from './test-run';

/** What {@link dropStaleTestDatabases} found. */
export interface StaleTestDatabases {
  /** Databases it dropped. */
  dropped: string[];
  /** Stale databases it left because a session still uses them (a run that is still going). */
  inUse: string[];
}

/**
 * Drops the databases of test runs (`mm_test_<start>_<pid>` and the `<run>_<label>_…` ones its
 * tests made; nothing else) that started more than `maxAgeMs` before `now`: runs that crashed
 * before their teardown. A database with open
 * sessions is left alone (plain `DROP DATABASE`, never `FORCE`).
 *
 * @example
 * const { dropped } = await dropStaleTestDatabases(admin, 3_600_000);
 */
export async function dropStaleTestDatabases(admin: Client, maxAgeMs: number, now = Date.now()): Promise<StaleTestDatabases> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname`,
    [TEST_RUN_NAME_PREFIX],
  );
  const found: StaleTestDatabases = { dropped: [], inUse: [] };
  for (const { datname } of rows) {
    const run = testRunOfDatabase(datname);
    const startedAt = run === undefined ? undefined : testRunStartedAt(run);
    if (startedAt === undefined || now - startedAt <= maxAgeMs) continue;
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
      found.dropped.push(datname);
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error;
      found.inUse.push(datname);
    }
  }
  return found;
}
