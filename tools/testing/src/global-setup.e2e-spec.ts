import { newTestRunId, testRedisUrl } from '@mikasmissions/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

const ROOT = join(__dirname, '../../..');
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs tools/testing/global-setup.js in a child (as Jest's parent process would), then idles with a key and a `<run>_…` database of the run made. */
const CHILD = `
require('./tools/testing/global-setup.js')().then(async () => {
  const Redis = require('ioredis');
  const redis = new Redis(process.env.TEST_REDIS_URL);
  await redis.set(process.env.TEST_RUN_ID + ':spec:written-by-a-test', '1');
  await redis.quit();
  const { Client } = require('pg');
  const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query('CREATE DATABASE ' + process.env.TEST_RUN_ID + '_spec_isolated');
  await admin.end();
  process.stdout.write('READY ' + process.env.TEST_RUN_ID + '\\n');
  setInterval(() => undefined, 1000);
}, (error) => { process.stderr.write(error.message + '\\n'); process.exit(3); });
`;

const children: ChildProcess[] = [];

function runSetup(env: Record<string, string> = {}): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, ['-e', CHILD], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /READY (\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`setup exited with ${code}: ${text}`)));
  });
  ready.catch(() => undefined);
  return { child, output: () => text, ready };
}

describe('tools/testing/global-setup.js (real Postgres and Redis, in a child process)', () => {
  let admin: Client;
  let redis: Redis;
  const databases = async (like: string): Promise<string[]> =>
    (await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [like])).rows.map((r) => r.datname);

  beforeAll(async () => {
    admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    redis = new Redis(testRedisUrl(), { connectionName: 'global-setup-spec' });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await admin.end();
    await redis.quit();
  });

  it('with Redis down, fails with how to start it and creates no database', async () => {
    const { child, output } = runSetup({ TEST_REDIS_URL: 'redis://127.0.0.1:1' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(3);
    expect(output()).toContain('Tests need Redis at redis://127.0.0.1:1');
    expect(await databases(`mm\\_test\\_%\\_${child.pid}`)).toEqual([]);
  }, 30_000);

  it('drops stale test databases (not fresh or busy ones), and on Ctrl-C drops its own database and keys', async () => {
    const now = Date.now();
    const stale = newTestRunId(now - 2 * 3_600_000, 900_001);
    const busy = newTestRunId(now - 3 * 3_600_000, 900_002);
    const fresh = newTestRunId(now - 5 * 60_000, 900_003);
    const staleIsolated = `${stale}_crash_abcde`;
    for (const name of [stale, staleIsolated, busy, fresh]) await admin.query(`CREATE DATABASE ${name}`);
    const session = new Client({ connectionString: ADMIN_URL.replace(/\/[^/]*$/, `/${busy}`) });
    await session.connect();
    try {
      const { child, output, ready } = runSetup();
      const run = await ready;
      expect(output()).toContain(`dropped database ${stale} left by a crashed run`);
      expect(output()).toContain(`dropped database ${staleIsolated} left by a crashed run`);
      expect(output()).toContain(`kept stale database ${busy}: a session still uses it`);
      expect(await databases('mm\\_test\\_%\\_90000_')).toEqual(expect.arrayContaining([busy, fresh]));
      expect(await databases(`${stale}%`)).toEqual([]);
      expect((await databases(`${run}%`)).sort()).toEqual([run, `${run}_spec_isolated`]);
      expect(await redis.exists(`${run}:spec:written-by-a-test`)).toBe(1);

      child.kill('SIGINT');
      const [code] = await once(child, 'exit');
      expect(code).toBe(130);
      expect(output()).toContain(`SIGINT: dropping database ${run}`);
      expect(await databases(`${run}%`)).toEqual([]);
      expect(await redis.exists(`${run}:spec:written-by-a-test`)).toBe(0);
    } finally {
      await session.end();
      for (const name of [stale, staleIsolated, busy, fresh]) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }, 60_000);
});
