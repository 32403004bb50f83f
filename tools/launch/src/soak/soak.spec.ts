import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../cli/cli-command';
import { type GatewayStack, runLaunchCliAsync, startGatewayStack } from '../testing/gateway-stack';
import { soakPlan } from './soak';

const soak = (env: Record<string, string>) => runLaunchCliAsync('soak/soak.cli.ts', [], env);

describe('staging-soak', () => {
  it('plans a round at the start and one per interval until the hours are up', () => {
    const t = { SOAK_TARGET_URL: 'https://staging.example.com/' };
    expect(soakPlan(t)).toMatchObject({
      target: 'https://staging.example.com',
      hours: 24,
      intervalMinutes: 60,
      rounds: 25,
      failFast: false,
      flows: ['family', 'auth'],
    });
    expect(soakPlan({ ...t, SOAK_HOURS: '1', SOAK_INTERVAL_MINUTES: '60' }).rounds).toBe(2);
    expect(soakPlan({ ...t, SOAK_HOURS: '1', SOAK_INTERVAL_MINUTES: '25' }).rounds).toBe(3);
    expect(soakPlan({ ...t, SOAK_HOURS: '0.1', SOAK_INTERVAL_MINUTES: '60' }).rounds).toBe(1);
    expect(soakPlan({ ...t, SOAK_FAIL_FAST: 'true', SOAK_FLOWS: 'auth' })).toMatchObject({ failFast: true, flows: ['auth'] });
  });

  it.each([
    [{}, 'SOAK_TARGET_URL is required'],
    [{ SOAK_TARGET_URL: 'staging.example.com' }, 'must be an http(s) URL'],
    [{ SOAK_TARGET_URL: 'http://x', SOAK_HOURS: '0' }, 'must be above 0'],
    [{ SOAK_TARGET_URL: 'http://x', SOAK_INTERVAL_MINUTES: 'hourly' }, 'SOAK_INTERVAL_MINUTES must be a number'],
    [{ SOAK_TARGET_URL: 'http://x', SOAK_FAIL_FAST: 'sometimes' }, 'SOAK_FAIL_FAST must be true or false'],
    [{ SOAK_TARGET_URL: 'http://x', SOAK_FLOWS: 'family,chaos' }, 'unknown flow(s) chaos'],
  ])('refuses %p', (env, message) => {
    expect(() => soakPlan(env)).toThrow(UsageError);
    expect(() => soakPlan(env)).toThrow(message);
  });

  describe('against a loopback target that answers 503 to everything', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify({ error: { code: 'store_unavailable', message: 'down', requestId: 'r1' } }));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('fails the round, stops there with SOAK_FAIL_FAST=true, and writes the summary', async () => {
      const report = join(mkdtempSync(join(tmpdir(), 'soak-')), 'soak.md');
      const r = await soak({
        SOAK_TARGET_URL: url,
        SOAK_HOURS: '0.01',
        SOAK_INTERVAL_MINUTES: '0.1',
        SOAK_FAIL_FAST: 'true',
        SOAK_REPORT: report,
      });
      expect(r.code).toBe(1);
      expect(r.out).toContain('SOAK_FAIL_FAST=true: stopping');
      expect(r.out).toContain('[FAIL] parent: signup: expected 201, got 503');
      const md = readFileSync(report, 'utf8');
      expect(md).toContain('| 1 | ');
      expect(md).toContain('0/1 rounds passed (planned 7');
      expect(r.out.trim().split('\n').at(-1)).toBe('[FAIL] soak failed');
    }, 60_000);
  });

  describe('against a running stack (identity, profile, gateway)', () => {
    let stack: GatewayStack;
    beforeAll(async () => {
      stack = await startGatewayStack(['identity', 'profile', 'gateway']);
    }, 200_000);
    afterAll(() => stack?.stop());

    it('runs the auth probes every interval and passes with a row per round', async () => {
      const report = join(mkdtempSync(join(tmpdir(), 'soak-')), 'soak.md');
      const r = await soak({
        SOAK_TARGET_URL: stack.platform.urls.gateway,
        SOAK_HOURS: String(0.1 / 60),
        SOAK_INTERVAL_MINUTES: '0.05',
        SOAK_FLOWS: 'auth',
        SMOKE_IDENTITY_LOG: stack.identityLog,
        SOAK_REPORT: report,
      });
      expect(r.out.trim().split('\n').at(-1)).toBe('[OK] soak passed');
      expect(r.code).toBe(0);
      expect(r.out.match(/\[OK\] auth smoke passed/g)).toHaveLength(3);
      expect(readFileSync(report, 'utf8')).toContain('3/3 rounds passed');
    }, 120_000);
  });
});
