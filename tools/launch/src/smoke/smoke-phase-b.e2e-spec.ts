import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseUrl, testRedisUrl } from '@mikasmissions/testing';
import { freePort } from '../testing/free-port';
import { ROOT } from '../testing/run-cli';

/** Runs `pnpm run smoke:phase-b` (the CLI itself); resolves with its exit code and output. */
function smokePhaseB(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/launch/src/smoke/smoke.cli.ts', '--flow', 'phase-b'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        SMOKE_LOGS_DIR: mkdtempSync(join(tmpdir(), 'smoke-phase-b-logs-')),
        SMOKE_IDENTITY_LOG: join(mkdtempSync(join(tmpdir(), 'smoke-phase-b-id-')), 'none.log'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

const STEPS = [
  '[ok] clip generate',
  '[ok] clip serve',
  '[ok] parent: signup',
  '[ok] parent: login',
  '[ok] parent: consent request',
  '[ok] parent: consent verify',
  '[ok] trial entitlement',
  '[ok] parent: child profile',
  '[ok] controls: bedtime away from now',
  '[ok] notification preferences',
  '[ok] admin login',
  '[ok] creator: sign-in',
  '[ok] creator: role granted',
  '[ok] creator: token',
  '[ok] creator: trusted',
  '[ok] upload',
  '[ok] asset published',
  '[ok] catalog episode',
  '[ok] kids rails',
  '[ok] playback session',
  '[ok] stream master playlist',
  '[ok] stream 720p playlist',
  '[ok] stream 720p segments',
  '[ok] stream 360p playlist',
  '[ok] stream 360p segments',
  '[OK] phase-b smoke passed',
];

const steps = (out: string) =>
  out
    .split('\n')
    .filter((l) => /^\[(ok|OK|FAIL)\]/.test(l))
    .map((l) => l.replace(/ — .*| \(\d+ ms\)$/g, ''));

/**
 * Issue 14's phase-B smoke as CI runs it: no gateway answers, so the CLI starts the twelve apps
 * (memory stores, events over the shared Redis under a per-run prefix), generates a 720p clip,
 * serves it on loopback, uploads it through the gateway as a creator the admin granted, waits for
 * published, checks catalog (the adaptive master + 720p + 360p), the child's rails and playback's signed stream
 * (the master, then every file of each variant), then
 * stops the stack. Then the same with `STACK_PERSISTENCE=postgres`.
 */
describe('pnpm run smoke:phase-b', () => {
  it('starts the phase-B stack, takes a generated clip from upload to a playable episode, and stops', async () => {
    const r = await smokePhaseB({ GATEWAY_URL: `http://127.0.0.1:${await freePort()}` });
    expect(r.out).toContain('starting a local stack');
    expect(steps(r.out)).toEqual(STEPS);
    expect(r.out).toMatch(/\[ok\] asset published — queued → .*→ published in/);
    expect(r.out).toMatch(/\[ok\] catalog episode — adaptive \+ 720p \+ 360p/);
    expect(r.out).toMatch(/\[ok\] stream master playlist — 1280x720 @ \d+ kbit\/s \+ 640x360 @ \d+ kbit\/s/);
    expect(r.out).toContain('stopping the stack');
    expect(r.code).toBe(0);
  }, 600_000);

  it('STACK_PERSISTENCE=postgres: the same run on the Postgres at DATABASE_URL (this run’s migrated database) and Redis stores', async () => {
    const r = await smokePhaseB({
      GATEWAY_URL: `http://127.0.0.1:${await freePort()}`,
      STACK_PERSISTENCE: 'postgres',
      DATABASE_URL: testDatabaseUrl(),
      REDIS_URL: testRedisUrl(),
    });
    expect(r.out).toMatch(/starting 12 apps in Postgres \+ Redis mode/);
    expect(steps(r.out)).toEqual(STEPS);
    expect(r.code).toBe(0);
  }, 600_000);
});
