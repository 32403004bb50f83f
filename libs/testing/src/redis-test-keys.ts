import { Cluster, type Redis } from 'ioredis';
import { TEST_RUN_NAME_PREFIX, testRunStartedAt } from './test-run';

/** Options of {@link deleteKeysUnder} and {@link deleteStaleTestRunKeys}. */
export interface DeleteKeysOptions {
  /** Stop after deleting this many keys (a bound, not a target). Default: 100 000. */
  maxKeys?: number;
  /** SCAN's COUNT hint per round trip. Default: 1 000. */
  scanCount?: number;
}

const escapeGlob = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');

async function unlinkMatching(
  redis: Redis | Cluster,
  pattern: string,
  pick: (key: string) => boolean,
  options: DeleteKeysOptions,
  onUnlinked: (keys: string[]) => void = () => undefined,
): Promise<number> {
  if (redis instanceof Cluster) {
    let deleted = 0;
    for (const node of redis.nodes('master'))
      deleted += await unlinkOnNode(node, pattern, pick, { ...options, maxKeys: (options.maxKeys ?? 100_000) - deleted }, onUnlinked);
    return deleted;
  }
  return unlinkOnNode(redis, pattern, pick, options, onUnlinked);
}

/** SCAN + UNLINK on one server; one key per UNLINK (pipelined), since a cluster node refuses keys of two slots in one command. */
async function unlinkOnNode(
  redis: Redis,
  pattern: string,
  pick: (key: string) => boolean,
  options: DeleteKeysOptions,
  onUnlinked: (keys: string[]) => void,
): Promise<number> {
  const maxKeys = options.maxKeys ?? 100_000;
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', options.scanCount ?? 1_000);
    cursor = next;
    const doomed = keys.filter(pick).slice(0, maxKeys - deleted);
    if (doomed.length === 0) continue;
    const pipeline = redis.pipeline();
    for (const key of doomed) pipeline.unlink(key);
    deleted += ((await pipeline.exec()) ?? []).reduce((n, [error, count]) => n + (error ? 0 : Number(count)), 0);
    onUnlinked(doomed);
  } while (cursor !== '0' && deleted < maxKeys);
  return deleted;
}

/**
 * Deletes every key that starts with `prefix` (SCAN MATCH + UNLINK, at most `maxKeys`) and
 * nothing else; returns how many it deleted. Only test keys can go: `prefix` must start with
 * a run name and a colon, `mm_test_<start>_<pid>:` (every `testEnv()`/`uniquePrefix()` key does).
 *
 * @example
 * afterAll(async () => { await deleteKeysUnder(redis, testKeyPrefix()); await redis.quit(); });
 */
export async function deleteKeysUnder(redis: Redis | Cluster, prefix: string, options: DeleteKeysOptions = {}): Promise<number> {
  const run = prefix.slice(0, prefix.indexOf(':'));
  if (!prefix.includes(':') || testRunStartedAt(run) === undefined) {
    throw new Error(
      `deleteKeysUnder: refusing prefix "${prefix}" (only test keys, under "${TEST_RUN_NAME_PREFIX}<start>_<pid>:", may be deleted)`,
    );
  }
  return unlinkMatching(redis, `${escapeGlob(prefix)}*`, (key) => key.startsWith(prefix), options);
}

/**
 * Deletes the keys of test runs that started more than `maxAgeMs` before `now` (runs that
 * crashed before their teardown), except the run `keep`; returns the count per run deleted.
 */
export async function deleteStaleTestRunKeys(
  redis: Redis | Cluster,
  maxAgeMs: number,
  keep: string,
  now = Date.now(),
  options: DeleteKeysOptions = {},
): Promise<Map<string, number>> {
  const deleted = new Map<string, number>();
  const runOf = (key: string): string => key.slice(0, key.indexOf(':'));
  const isStale = (key: string): boolean => {
    const startedAt = testRunStartedAt(runOf(key));
    return runOf(key) !== keep && startedAt !== undefined && now - startedAt > maxAgeMs;
  };
  const count = (keys: string[]): void => keys.forEach((key) => deleted.set(runOf(key), (deleted.get(runOf(key)) ?? 0) + 1));
  await unlinkMatching(redis, `${TEST_RUN_NAME_PREFIX}*:*`, isStale, options, count);
  return deleted;
}
