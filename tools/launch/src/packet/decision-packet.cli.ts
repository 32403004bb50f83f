import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CommandSpec, progress, runCli, UsageError } from '../cli/cli-command';
import { parseNumber } from '../go-nogo/go-nogo';
import { runSteps, type Step } from '../preflight/step-runner';
import { buildPacket, reusedPreflight } from './decision-packet';

const ROOT = resolve(__dirname, '../../../..');
const STEP_NAMES = ['preflight', 'perf', 'readiness'] as const;

const SPEC: CommandSpec = {
  name: 'launch-decision-packet',
  summary: 'runs preflight, perf-smoke and the readiness gate into one evidence folder and writes its summary.md with a GO/NO-GO',
  options: { steps: { type: 'string', description: `comma list of ${STEP_NAMES.join(', ')} (default all)` } },
  env: [
    { name: 'LAUNCH_PREFLIGHT_TIMEOUT_SECONDS', default: '1800', description: 'bounds the preflight step' },
    { name: 'LAUNCH_PACKET_DIR', default: 'tmp/launch/decision-<time>', description: 'the evidence folder' },
    {
      name: 'LAUNCH_PACKET_STEPS',
      default: 'preflight,perf,readiness',
      description: 'like --steps (a step not run makes the packet NO-GO)',
    },
    {
      name: 'LAUNCH_PACKET_PREFLIGHT_DIR',
      description:
        'a finished launch-preflight folder to use instead of running it again (NO-GO unless all its steps passed on this commit)',
    },
    { name: 'SOAK_REPORT', description: 'a soak summary to copy into the packet (today-ready sets it)' },
    { name: 'GATEWAY_URL, P95_BUDGET_MS, LAUNCH_REQUIRE_EXTERNAL_CLUSTER, …', description: 'passed to the steps' },
  ],
  exitCodes: { 0: 'packet written, decision GO', 1: 'packet written, decision NO-GO', 2: 'bad arguments' },
  examples: [
    'make launch-decision-packet',
    'LAUNCH_PREFLIGHT_TIMEOUT_SECONDS=3600 make launch-decision-packet',
    'LAUNCH_PACKET_PREFLIGHT_DIR=tmp/launch/preflight-<time> make launch-decision-packet',
  ],
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
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || 'unknown';
  const reuseDir = process.env.LAUNCH_PACKET_PREFLIGHT_DIR?.trim();
  let reused: ReturnType<typeof reusedPreflight> | undefined;
  if (reuseDir && wanted.includes('preflight')) {
    const summary = resolve(ROOT, reuseDir, 'summary.md');
    if (!existsSync(summary))
      throw new UsageError(
        `LAUNCH_PACKET_PREFLIGHT_DIR: no summary.md in ${resolve(ROOT, reuseDir)} (a finished launch-preflight writes one)`,
      );
    mkdirSync(join(dir, 'preflight'), { recursive: true });
    copyFileSync(summary, join(dir, 'preflight', 'summary.md'));
    reused = reusedPreflight(readFileSync(summary, 'utf8'), join(dir, 'preflight', 'summary.md'), commit);
    say(
      `preflight: reusing ${summary} (${reused.result.status.toUpperCase()}${reused.problems.length ? `; ${reused.problems.join('; ')}` : ''})`,
    );
  }
  const ran = await runSteps(
    STEP_NAMES.filter((n) => wanted.includes(n) && !(n === 'preflight' && reused)).map((n) => all[n]),
    { cwd: ROOT, dir, timeoutMs: (preflightSeconds + 1800) * 1000, say },
  );
  const steps = reused ? [reused.result, ...ran] : ran;
  let soakReport: string | undefined;
  if (process.env.SOAK_REPORT && existsSync(process.env.SOAK_REPORT)) {
    soakReport = join(dir, 'soak.md');
    copyFileSync(process.env.SOAK_REPORT, soakReport);
  }
  const packet = buildPacket({
    at: new Date(),
    commit,
    steps,
    perfArtifact,
    readinessLog: join(dir, 'readiness.log'),
    soakReport,
    stage: 1,
    required: STEP_NAMES,
    problems: reused?.problems,
  });
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, packet.markdown);
  process.stdout.write(
    `\nsummary: ${summary}\n${packet.go ? '[GO] decision packet: every check passed, perf GO for stage 1' : `[NO-GO] decision packet: ${packet.reasons.join('; ')}`}\n`,
  );
  return packet.go ? 0 : 1;
});
