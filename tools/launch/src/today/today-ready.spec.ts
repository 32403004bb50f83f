import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GatewayStack, runLaunchCliAsync, startGatewayStack } from '../testing/gateway-stack';
import { fakeBinary } from '../testing/run-cli';

const todayReady = (env: Record<string, string>) => runLaunchCliAsync('today/today-ready.cli.ts', [], env);

describe('today-ready (readiness → soak → decision packet) against a running gateway', () => {
  let stack: GatewayStack;
  beforeAll(async () => {
    stack = await startGatewayStack(['identity', 'profile', 'gateway']);
  }, 200_000);
  afterAll(() => stack?.stop());

  const env = () => ({
    PATH: `${fakeBinary('kubectl', { stdout: 'minikube' }).dir}:${process.env.PATH}`,
    SOAK_TARGET_URL: stack.platform.urls.gateway,
    SOAK_FLOWS: 'auth',
    SOAK_HOURS: String(0.05 / 60),
    SOAK_INTERVAL_MINUTES: '0.05',
    SMOKE_IDENTITY_LOG: stack.identityLog,
    LAUNCH_PACKET_STEPS: 'readiness',
    TODAY_READY_DIR: mkdtempSync(join(tmpdir(), 'today-')),
  });

  it('runs local readiness on a minikube context, the soak against the target, and the packet (NO-GO without perf figures)', async () => {
    const e = env();
    const r = await todayReady(e);
    expect(r.out).toMatch(/\| readiness \| PASSED \|/);
    expect(r.out).toMatch(/\| soak \| PASSED \|/);
    expect(r.out).toMatch(/\| decision-packet \| FAILED \|/);
    expect(r.out.trim().split('\n').at(-1)).toBe('[FAIL] today-ready: not ready');
    expect(r.code).toBe(1);
    const summary = readFileSync(join(e.TODAY_READY_DIR, 'packet/summary.md'), 'utf8');
    expect(summary).toContain('LAUNCH_REQUIRE_EXTERNAL_CLUSTER=false');
    expect(summary).toContain('2/2 rounds passed');
    expect(summary).toContain('- no perf-smoke artifact');
  }, 180_000);

  it('with TODAY_SKIP_EXTERNAL_CLUSTER_POLICY=false a minikube context fails readiness', async () => {
    const e = { ...env(), TODAY_SKIP_EXTERNAL_CLUSTER_POLICY: 'false' };
    const r = await todayReady(e);
    expect(r.out).toMatch(/\| readiness \| FAILED \|/);
    expect(r.code).toBe(1);
    expect(existsSync(join(e.TODAY_READY_DIR, 'readiness.log'))).toBe(true);
    expect(readFileSync(join(e.TODAY_READY_DIR, 'readiness.log'), 'utf8')).toContain('is a local cluster (staging-only)');
  }, 180_000);
});
