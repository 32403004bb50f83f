import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { type CommandSpec, progress, readBoolean, runCli } from '../cli/cli-command';
import { runSteps, type Step, stepsTable } from '../preflight/step-runner';
import { gatewayUp, gatewayUrlFrom } from '../smoke/smoke-stack';

const ROOT = resolve(__dirname, '../../../..');

const SPEC: CommandSpec = {
  name: 'today-ready',
  summary: 'the "works today" flow: local readiness, a soak against the gateway, then the decision packet',
  env: [
    {
      name: 'TODAY_SKIP_EXTERNAL_CLUSTER_POLICY',
      default: 'true',
      description: 'local readiness (LAUNCH_REQUIRE_EXTERNAL_CLUSTER=false for the gate)',
    },
    { name: 'SOAK_HOURS', default: '1', description: 'soak length' },
    { name: 'SOAK_INTERVAL_MINUTES', default: '60', description: 'time between soak rounds' },
    {
      name: 'SOAK_TARGET_URL',
      default: 'GATEWAY_URL or http://localhost:8080',
      description: 'the soak target; when nothing answers there a local stack is started for the run',
    },
    { name: 'TODAY_READY_DIR', default: 'tmp/launch/today-<time>', description: 'logs, soak.md and the decision packet' },
  ],
  exitCodes: { 0: 'readiness, soak and packet all passed (decision GO)', 1: 'a step failed (see the table)', 2: 'bad env' },
  examples: ['make today-ready', 'SOAK_HOURS=0.5 SOAK_INTERVAL_MINUTES=10 make today-ready'],
};

/** Starts `smoke --serve` and resolves with its gateway URL and identity log once it prints them. */
function serveStack(say: (line: string) => void, identityLog: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'tools/launch/src/smoke/smoke.cli.ts'), '--serve'], {
      cwd: ROOT,
      env: { ...process.env, SMOKE_IDENTITY_LOG: identityLog },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
      const url = /\[serve\] gateway (\S+)/.exec(out)?.[1];
      if (url) resolvePromise({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`the local stack exited (${code}) before it was up`)));
    say('no gateway answers: starting a local stack for the soak (memory mode)');
  });
}

runCli(SPEC, async () => {
  const say = progress('today-ready');
  const dir = resolve(ROOT, process.env.TODAY_READY_DIR || `tmp/launch/today-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const skipPolicy = readBoolean(process.env, 'TODAY_SKIP_EXTERNAL_CLUSTER_POLICY', true);
  let target = (process.env.SOAK_TARGET_URL?.trim() || gatewayUrlFrom(process.env)).replace(/\/+$/, '');
  const identityLog = join(dir, 'identity.log');
  let stack: { child: ChildProcess; url: string } | undefined;
  const extra: Record<string, string> = {};
  if (!(await gatewayUp(target))) {
    stack = await serveStack(say, identityLog);
    target = stack.url;
    extra.SMOKE_IDENTITY_LOG = identityLog;
  }
  const env = { ...extra, GATEWAY_URL: target, SOAK_TARGET_URL: target };
  const steps: Step[] = [
    {
      name: 'readiness',
      command: 'pnpm',
      args: ['run', '--silent', 'launch-readiness-gate'],
      env: skipPolicy ? { LAUNCH_REQUIRE_EXTERNAL_CLUSTER: 'false', LAUNCH_ALLOW_NO_CLUSTER: 'true' } : {},
    },
    {
      name: 'soak',
      command: 'pnpm',
      args: ['run', '--silent', 'staging-soak'],
      env: {
        ...env,
        SOAK_HOURS: process.env.SOAK_HOURS || '1',
        SOAK_INTERVAL_MINUTES: process.env.SOAK_INTERVAL_MINUTES || '60',
        SOAK_REPORT: join(dir, 'soak.md'),
      },
    },
    {
      name: 'decision-packet',
      command: 'pnpm',
      args: ['run', '--silent', 'launch-decision-packet'],
      env: {
        ...env,
        LAUNCH_PACKET_DIR: join(dir, 'packet'),
        SOAK_REPORT: join(dir, 'soak.md'),
        ...(skipPolicy ? { LAUNCH_REQUIRE_EXTERNAL_CLUSTER: 'false', LAUNCH_ALLOW_NO_CLUSTER: 'true' } : {}),
      },
    },
  ];
  say(
    `readiness (${skipPolicy ? 'local: TODAY_SKIP_EXTERNAL_CLUSTER_POLICY=true' : 'external cluster required'}), soak against ${target}, decision packet; logs in ${dir}`,
  );
  try {
    const hours = Number(process.env.SOAK_HOURS || '1');
    const results = await runSteps(steps, {
      cwd: ROOT,
      dir,
      timeoutMs: (Number.isFinite(hours) ? hours : 1) * 3_600_000 + 2 * 3_600_000,
      say,
      heartbeatMs: 60_000,
    });
    const passed = results.every((r) => r.status === 'passed');
    process.stdout.write(
      `\n${stepsTable(results).join('\n')}\n\npacket: ${join(dir, 'packet/summary.md')}\n${passed ? '[OK] today-ready: ready' : '[FAIL] today-ready: not ready'}\n`,
    );
    return passed ? 0 : 1;
  } finally {
    if (stack) {
      say('stopping the local stack');
      stack.child.kill('SIGTERM');
      await new Promise((r) => stack!.child.once('exit', r));
    }
  }
});
