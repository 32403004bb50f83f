import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServiceProcesses, startServices, testEnv } from '@mikasmissions/testing';
import { fakeBinary, ROOT } from '../testing/run-cli';

function todayReady(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/launch/src/today/today-ready.cli.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('today-ready (readiness → soak → decision packet) against a running gateway', () => {
  let platform: ServiceProcesses;
  const identityLog = join(mkdtempSync(join(tmpdir(), 'today-identity-')), 'identity.log');
  let copier: NodeJS.Timeout;
  beforeAll(async () => {
    platform = await startServices(
      ['identity', 'profile', 'gateway'],
      testEnv('memory', { NODE_ENV: 'development', AUTH_MODE: 'enforce', LOG_LEVEL: 'warn', AUTHX_TRUST_PROXY: 'true' }),
      180_000,
    );
    copier = setInterval(() => writeFileSync(identityLog, platform.output('identity')), 100);
  }, 200_000);
  afterAll(async () => {
    clearInterval(copier);
    await platform?.stop();
  });

  const env = () => ({
    PATH: `${fakeBinary('kubectl', { stdout: 'minikube' }).dir}:${process.env.PATH}`,
    SOAK_TARGET_URL: platform.urls.gateway,
    SOAK_FLOWS: 'auth',
    SOAK_HOURS: String(0.05 / 60),
    SOAK_INTERVAL_MINUTES: '0.05',
    SMOKE_IDENTITY_LOG: identityLog,
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
