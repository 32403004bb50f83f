import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../testing/free-port';
import { type GatewayStack, runLaunchCliAsync, startGatewayStack } from '../testing/gateway-stack';
import { lastCodeIn } from './smoke-stack';

/** Runs the smoke CLI as `pnpm run e2e-smoke` does; resolves with its exit code and output. */
const smoke = (flow: string, env: Record<string, string>) =>
  runLaunchCliAsync('smoke/smoke.cli.ts', ['--flow', flow], { SMOKE_LOGS_DIR: mkdtempSync(join(tmpdir(), 'smoke-logs-')), ...env });

const stepLines = (out: string) => out.split('\n').filter((l) => /^\[(ok|OK|FAIL)\]/.test(l));

describe('the smoke CLI (pnpm run e2e-smoke / e2e-auth-smoke / e2e-admin-smoke)', () => {
  it('finds the newest consent code of an address in identity’s console', () => {
    const text =
      '[authx:console-sender] email code for a.b@example.com (tenant default): 111111 — x\n[authx:console-sender] email code for a.b@example.com (tenant default): 222222 — x\n';
    expect(lastCodeIn(text, 'a.b@example.com')).toBe('222222');
    expect(lastCodeIn(text, 'axb@example.com')).toBeUndefined();
  });

  it('with no gateway at GATEWAY_URL, starts the stack, runs the family flow step by step and stops it', async () => {
    const r = await smoke('family', { GATEWAY_URL: `http://127.0.0.1:${await freePort()}` });
    expect(r.out).toContain('starting a local stack');
    expect(stepLines(r.out).map((l) => l.replace(/ — .*| \(\d+ ms\)$/g, ''))).toEqual([
      '[ok] parent: signup',
      '[ok] parent: login',
      '[ok] parent: consent request',
      '[ok] parent: consent verify',
      '[ok] trial entitlement',
      '[ok] parent: child profile',
      '[ok] controls read',
      '[ok] controls write',
      '[ok] controls refuse a bad value',
      '[ok] catalog episode',
      '[ok] kids home',
      '[ok] playback session',
      '[ok] watch event',
      '[ok] kids progress',
      '[ok] parent dashboard',
      '[OK] smoke flow passed',
    ]);
    expect(r.code).toBe(0);
  }, 300_000);

  it('fails with the step and exit 1 when no gateway answers and SMOKE_START_STACK=false', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const r = await smoke('family', { GATEWAY_URL: url, SMOKE_START_STACK: 'false' });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`[FAIL] gateway: no answer from ${url}/health (SMOKE_START_STACK=false)`);
  }, 60_000);

  describe('against a gateway that is already up (not started by the smoke)', () => {
    let stack: GatewayStack;
    beforeAll(async () => {
      stack = await startGatewayStack(['identity', 'profile', 'admin-studio', 'gateway']);
    }, 200_000);
    afterAll(() => stack?.stop());

    it('runs the auth smoke with consent codes from SMOKE_IDENTITY_LOG, and the admin smoke', async () => {
      const env = { GATEWAY_URL: stack.platform.urls.gateway, SMOKE_IDENTITY_LOG: stack.identityLog };
      const auth = await smoke('auth', env);
      expect(auth.out).toContain(`gateway up at ${stack.platform.urls.gateway}: using it (not starting a stack)`);
      expect(stepLines(auth.out)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^\[ok\] gate token is single-use/),
          expect.stringMatching(/^\[ok\] cross-parent denial/),
          expect.stringMatching(/^\[ok\] child token refused on parent routes/),
        ]),
      );
      expect([auth.code, stepLines(auth.out).at(-1)]).toEqual([0, '[OK] auth smoke passed']);
      const admin = await smoke('admin', env);
      expect([admin.code, stepLines(admin.out).at(-1)]).toEqual([0, '[OK] admin smoke passed']);
    }, 120_000);

    it('without a code source, fails at consent verify and says how to give one', async () => {
      const r = await smoke('auth', { GATEWAY_URL: stack.platform.urls.gateway });
      expect(r.code).toBe(1);
      expect(stepLines(r.out).at(-1)).toMatch(/^\[FAIL\] parent: consent verify: no consent code for smoke\.parent\..*SMOKE_IDENTITY_LOG/);
    }, 60_000);
  });
});
