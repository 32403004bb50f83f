/**
 * The name of one test run: `mm_test_<start time, base 36>_<pid>`. It names the run's
 * throwaway database and is the first segment of every Redis key the run writes, so the
 * global teardown (and the next set-up, for crashed runs) finds everything by it.
 */
export const TEST_RUN_NAME_PREFIX = 'mm_test_';

const RUN_NAME = /^mm_test_([0-9a-z]{6,12})_(\d{1,10})$/;
const RUN_NAME_AT_START = /^mm_test_[0-9a-z]{6,12}_\d{1,10}(?=_|$)/;

/** A new run name started `now` by process `pid`. */
export function newTestRunId(now = Date.now(), pid = process.pid): string {
  return `${TEST_RUN_NAME_PREFIX}${now.toString(36)}_${pid}`;
}

/** When the run named `id` started (ms since the epoch), or `undefined` if `id` is not a run name. */
export function testRunStartedAt(id: string): number | undefined {
  const match = RUN_NAME.exec(id);
  return match ? parseInt(match[1], 36) : undefined;
}

/**
 * The run a database belongs to: its own name, or the leading run name of a database a test
 * made next to it (`<run name>_<label>_<random>`); `undefined` for any other name.
 */
export function testRunOfDatabase(name: string): string | undefined {
  return RUN_NAME_AT_START.exec(name)?.[0];
}

/** Read once, when a test file loads: `bootApp` swaps `process.env` for the app's env while it builds. */
const runId = process.env.TEST_RUN_ID ?? newTestRunId();

/**
 * This run's name: `TEST_RUN_ID` (set by tools/testing/global-setup.js) as it was when the test
 * file loaded, else a name of this process, so keys written outside `pnpm test` still carry a
 * run name and a start time (the next set-up deletes them once they are stale).
 */
export function testRunId(): string {
  return runId;
}

/** The Redis key prefix every key of the run `id` starts with: `<run name>:`. */
export function testRunKeyPrefix(id = testRunId()): string {
  return `${id}:`;
}
