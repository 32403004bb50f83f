import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createEnvelope, PostgresOutboxStore, type EventEnvelope } from '@mikasmissions/messaging';
import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { createLibSchema, testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { runOutboxReplay } from './outbox-replay';
import { parseReplayArgs } from './replay-args';

const ROOT = join(__dirname, '../../..');

describe('outbox-replay arguments', () => {
  it('accepts the seed flags in double- and single-dash form', () => {
    expect(parseReplayArgs(['--mode=list-failed', '--limit=20'])).toEqual({
      mode: 'list-failed',
      limit: 20,
      dryRun: true,
      resetAttempts: false,
      schema: 'analytics',
    });
    expect(parseReplayArgs(['-mode=requeue-failed', '-limit=10', '-dry-run=false', '-reset-attempts=true'])).toEqual({
      mode: 'requeue-failed',
      limit: 10,
      dryRun: false,
      resetAttempts: true,
      schema: 'analytics',
    });
    expect(parseReplayArgs(['--', '--mode', 'requeue-failed', '--dry-run'])).toMatchObject({ mode: 'requeue-failed', dryRun: true });
    expect(parseReplayArgs(['--help'])).toBe('help');
  });

  it('rejects bad input with a clear message', () => {
    expect(() => parseReplayArgs([])).toThrow('--mode must be list-failed or requeue-failed');
    expect(() => parseReplayArgs(['--mode=drop-all'])).toThrow('got "drop-all"');
    expect(() => parseReplayArgs(['--mode=list-failed', '--limit=0'])).toThrow('--limit must be an integer');
    expect(() => parseReplayArgs(['--mode=list-failed', '--dry-run=maybe'])).toThrow('--dry-run expects true or false');
    expect(() => parseReplayArgs(['--mode=list-failed', '--force'])).toThrow('unknown option --force');
  });
});

describe('outbox-replay against real failed rows (Postgres)', () => {
  let pool: Pool;
  let schema: string;
  let store: PostgresOutboxStore;
  let failed: EventEnvelope[];
  const env = () => ({ DATABASE_URL: testDatabaseUrl() });
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runOutboxReplay(argv, env(), { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 2);
    schema = await createLibSchema(pool, ['messaging'], 'replay');
    store = new PostgresOutboxStore(new PoolSqlTransactions(pool), schema);
    failed = [1, 2, 3].map((n) =>
      createEnvelope({ type: 'analytics.event.recorded', version: 1, payload: { n }, tenantId: 't', requestId: `r${n}` }),
    ) as EventEnvelope[];
    await store.append(failed);
    const claim = await store.claim(10);
    await claim.complete(
      claim.records.map((r) => ({
        id: r.id,
        ok: false as const,
        error: `XADD failed: NOREPLICAS for ${r.id.slice(0, 8)}`,
        fail: true,
        retryInMs: 0,
      })),
    );
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  it('lists failed rows as a table with their last error', async () => {
    const { code, out } = await run('--mode=list-failed', '--limit=20', `--schema=${schema}`);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe(`3 failed rows in ${schema}.outbox (limit 20)`);
    expect(lines[1]).toMatch(/^id\s+type\s+attempts\s+status\s+created_at\s+last_error$/);
    expect(lines.slice(3).map((l) => l.split(/\s+/)[0])).toEqual(failed.map((e) => e.id));
    expect(lines[3]).toContain('failed');
    expect(lines[3]).toContain(`XADD failed: NOREPLICAS for ${failed[0].id.slice(0, 8)}`);
  });

  it('dry-run shows what would be requeued and changes nothing', async () => {
    const { code, out } = await run('-mode=requeue-failed', '-limit=10', '-dry-run=true', `-schema=${schema}`);
    expect(code).toBe(0);
    expect(out).toContain('dry run: would requeue 3 rows');
    expect(await store.stats()).toEqual({ pending: 0, published: 0, failed: 3 });
  });

  it('requeues up to the limit with a fresh retry budget', async () => {
    const { code, out } = await run('--mode=requeue-failed', '--limit=2', '--dry-run=false', '--reset-attempts=true', `--schema=${schema}`);
    expect(code).toBe(0);
    expect(out).toContain('requeued 2 rows');
    expect(out).toContain('attempts reset to 0');
    expect(await store.stats()).toEqual({ pending: 2, published: 0, failed: 1 });
    const claim = await store.claim(10);
    expect(claim.records.map((r) => [r.id, r.attempts])).toEqual([
      [failed[0].id, 0],
      [failed[1].id, 0],
    ]);
    await claim.release();
  });

  it('runs as a process (pnpm run outbox-replay) and exits 2 on bad usage', () => {
    const cli = (args: string[], extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/outbox-replay/src/outbox-replay.cli.ts', ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...extra },
        encoding: 'utf8',
      });
    const ok = cli(['--mode=list-failed', `--schema=${schema}`], env());
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`1 failed row in ${schema}.outbox`);
    const bad = cli(['--mode=explode'], env());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--mode must be list-failed or requeue-failed');
    const noDb = cli(['--mode=list-failed']);
    expect(noDb.status).toBe(2);
    expect(noDb.stderr).toContain('DATABASE_URL is not set');
  });
});
