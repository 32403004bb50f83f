/**
 * Jest global teardown: drops this run's database and deletes every Redis key under
 * `<run name>:` (both kept when KEEP_TEST_DB=true, for debugging; the next set-up drops them
 * once they are an hour old).
 */
require('@swc-node/register');
const { cleanupTestRun } = require('../../libs/testing/src/test-run-cleanup.ts');

module.exports = async function globalTeardown() {
  const started = globalThis.__MM_TEST_RUN__;
  if (!started) return;
  started.stopWatching();
  const { run } = started;
  if (process.env.KEEP_TEST_DB === 'true') {
    process.stdout.write(`[test run] KEEP_TEST_DB=true: kept database ${run.name} and Redis keys ${run.name}:*\n`);
    return;
  }
  const done = await cleanupTestRun(run);
  process.stdout.write(
    `[test run] dropped ${done.databasesDropped.join(', ') || 'no database'}, deleted ${done.keysDeleted} Redis keys under ${run.name}:\n`,
  );
};
