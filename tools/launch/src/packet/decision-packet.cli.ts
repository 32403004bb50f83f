import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CommandSpec, progress, runCli, UsageError } from '../cli/cli-command';
import { parseNumber } from '../go-nogo/go-nogo';
import { runSteps, type Step } from '../preflight/step-runner';
import { buildPacket } from './decision-packet';

const ROOT = resolve(__dirname, '../../../..');
const STEP_NAMES = ['preflight', 'perf', 'readiness'] as const;

const SPEC: CommandSpec = {
  name: 'launch-decision-packet',
  summary: 'runs preflight, perf-smoke and the readiness gate into one evidence folder and writes its summary.md with a GO/NO-GO',
  options: { steps: { type: 'string', description: `comma list of ${STEP_NAMES.join(', ')} (default all)` } },
  env: [
    { name: 'LAUNCH_PREFLIGHT_TIMEOUT_SECONDS', default: '1800', description: 'bounds the preflight step' },
    { name: 'LAUNCH_PACKET_DIR', default: 'tmp/launch/decision-<time>', description: 'the evidence folder' },
    { name: 'LAUNCH_PACKET_STEPS', default: 'preflight,perf,readiness', description: 'like --steps' },
    { name: 'SOAK_REPORT', description: 'a soak summary to copy into the packet (today-ready sets it)' },
    { name: 'GATEWAY_URL, P95_BUDGET_MS, LAUNCH_REQUIRE_EXTERNAL_CLUSTER, …', description: 'passed to the steps' },
  ],
  exitCodes: { 0: 'packet written, decision GO', 1: 'packet written, decision NO-GO', 2: 'bad arguments' },
  examples: ['make launch-decision-packet', 'LAUNCH_PREFLIGHT_TIMEOUT_SECONDS=3600 make launch-decision-packet'],
};

runCli(SPEC, async (values) => {
  const list = typeof values.steps === 'string' ? values.steps : process.env.LAUNCH_PACKET_STEPS?.trim();
  const wanted = list ? list.split(',').map((s) => s.trim()) : [...STEP_NAMES];
  const unknown = wanted.filter((w) => !(STEP_NAMES as readonly string[]).includes(w));
  if (unknown.length) throw new UsageError(`--steps: unknown step(s) ${unknown.join(', ')}; known: ${STEP_NAMES.join(', ')}`);
  const raw = process.env.LAUNCH_PREFLIGHT_TIMEOUT_SECONDS;
  const preflightSeconds = raw?.trim() ? parseNumber('LAUNCH_PREFLIGHT_TIMEOUT_SECONDS', raw) : 1800;
  const dir = resolve(ROOT, process.env.LAUNCH_PACKET_DIR || `tmp/launch/decision-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const perfArtifact = join(dir, 'perf.json');
  const all: Record<(typeof STEP_NAMES)[number], Step> = {
    preflight: {
      name: 'preflight',
      command: 'pnpm',
      args: ['run', '--silent', 'launch-preflight'],
      env: { LAUNCH_PREFLIGHT_DIR: join(dir, 'preflight'), LAUNCH_PREFLIGHT_TIMEOUT_SECONDS: String(preflightSeconds) },
    },
    perf: { name: 'perf', command: 'pnpm', args: ['run', '--silent', 'perf-smoke'], env: { PERF_ARTIFACT: perfArtifact } },
    readiness: { name: 'readiness', command: 'pnpm', args: ['run', '--silent', 'launch-readiness-gate'] },
  };
  const say = progress('launch-decision-packet');
  say(`evidence folder ${dir}; steps ${wanted.join(', ')}`);
  const steps = await runSteps(
    STEP_NAMES.filter((n) => wanted.includes(n)).map((n) => all[n]),
    { cwd: ROOT, dir, timeoutMs: (preflightSeconds + 1800) * 1000, say },
  );
  let soakReport: string | undefined;
  if (process.env.SOAK_REPORT && existsSync(process.env.SOAK_REPORT)) {
    soakReport = join(dir, 'soak.md');
    copyFileSync(process.env.SOAK_REPORT, soakReport);
  }
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || 'unknown';
  const packet = buildPacket({
    at: new Date(),
    commit,
    steps,
    perfArtifact,
    readinessLog: join(dir, 'readiness.log'),
    soakReport,
    stage: 1,
  });
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, packet.markdown);
  process.stdout.write(
    `\nsummary: ${summary}\n${packet.go ? '[GO] decision packet: every check passed, perf GO for stage 1' : `[NO-GO] decision packet: ${packet.reasons.join('; ')}`}\n`,
  );
  return packet.go ? 0 : 1;
});
