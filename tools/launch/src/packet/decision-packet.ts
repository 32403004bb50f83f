import { existsSync, readFileSync } from 'node:fs';
import { evaluate, type Stage } from '../go-nogo/go-nogo';
import { figuresTable, type RouteFigures } from '../perf/perf-figures';
import { PREFLIGHT_STEPS, type StepResult, stepsTable } from '../preflight/step-runner';

/** What the perf-smoke artifact holds that the packet reads. */
interface PerfArtifact {
  routes: RouteFigures[];
  goNoGo: { readP95Ms: number; writeP95Ms: number; error5xxPercent: number };
  passed: boolean;
}

/** The inputs of a decision packet's summary. */
export interface PacketInput {
  at: Date;
  commit: string;
  steps: StepResult[];
  /** The perf-smoke JSON artifact's path (read when it exists). */
  perfArtifact: string;
  /** The readiness gate's log (its lines are quoted). */
  readinessLog?: string;
  /** A soak summary (markdown) to include, when there is one. */
  soakReport?: string;
  /** The stage the perf figures are judged for (the first rollout stage). */
  stage: Stage;
  /** Steps a GO needs: each one missing from `steps` is a reason (default: none required). */
  required?: readonly string[];
  /** Further reasons against GO found while gathering the evidence (e.g. a stale reused preflight). */
  problems?: readonly string[];
}

/** The verdict and the markdown of a decision packet. */
export interface Packet {
  go: boolean;
  reasons: string[];
  markdown: string;
}

const read = (path: string | undefined) => (path && existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/**
 * The packet's summary: every step's result, the readiness gate's lines, the perf table and the
 * go/no-go of its figures, the soak summary, and the decision — GO only when every step passed
 * and the perf figures are GO for `stage` (and no `required` step is missing, no `problems`).
 */
export function buildPacket(input: PacketInput): Packet {
  const reasons = [
    ...(input.required ?? []).filter((name) => !input.steps.some((s) => s.name === name)).map((name) => `${name}: not run`),
    ...input.steps.filter((s) => s.status !== 'passed').map((s) => `${s.name}: ${s.status}`),
    ...(input.problems ?? []),
  ];
  const perfText = read(input.perfArtifact);
  const perf = perfText ? (JSON.parse(perfText) as PerfArtifact) : undefined;
  const sections: string[] = [
    `# Launch decision packet`,
    '',
    `- generated: ${input.at.toISOString()}`,
    `- commit: ${input.commit}`,
    '',
    '## Checks',
    '',
    ...stepsTable(input.steps),
    '',
  ];
  const readiness = read(input.readinessLog)
    ?.split('\n')
    .filter((l) => /^\[[A-Z ]+\]/.test(l));
  sections.push('## Readiness', '', ...(readiness?.length ? readiness.map((l) => `- ${l}`) : ['- not run']), '');
  sections.push('## Performance', '');
  if (perf) {
    const decision = evaluate({ stage: input.stage, ...perf.goNoGo });
    if (!decision.go) reasons.push(...decision.lines);
    sections.push(
      ...figuresTable(perf.routes),
      '',
      `Go/no-go for stage ${input.stage} from these figures:`,
      '',
      ...decision.lines.map((l) => `- ${l}`),
      '',
    );
  } else {
    reasons.push('no perf-smoke artifact');
    sections.push('- no perf-smoke artifact', '');
  }
  const soak = read(input.soakReport);
  sections.push('## Soak', '', soak ? soak.replace(/^# .*\n/, '').trim() : '- no soak report in this packet', '');
  const go = reasons.length === 0;
  sections.push('## Decision', '', go ? `**GO** for stage ${input.stage}` : '**NO-GO**', '', ...reasons.map((r) => `- ${r}`), '');
  return { go, reasons, markdown: sections.join('\n') };
}

/**
 * A finished launch-preflight's `summary.md` taken as the packet's preflight step (instead of
 * running the ~30 min again): passed when it says `[OK] launch preflight passed`, with a
 * problem for each preflight step its table does not show as PASSED and when it ran on
 * another commit than `head` (or does not say which).
 */
export function reusedPreflight(summaryText: string, log: string, head: string): { result: StepResult; problems: string[] } {
  const rows = new Map(
    [...summaryText.matchAll(/^\| ([a-z0-9-]+) \| ([A-Z]+) \| ([\d.]+) \|/gm)].map((m) => [m[1], { status: m[2], seconds: Number(m[3]) }]),
  );
  const problems = PREFLIGHT_STEPS.filter((name) => rows.get(name)?.status !== 'PASSED').map(
    (name) => `preflight (reused): ${name} ${rows.get(name)?.status.toLowerCase() ?? 'not run'}`,
  );
  const commit = /^- commit: (\S+)$/m.exec(summaryText)?.[1];
  if (commit !== head)
    problems.push(`preflight (reused): ran on commit ${commit ?? 'unknown (no commit line)'}, the packet is for ${head}`);
  const ok = summaryText.includes('[OK] launch preflight passed');
  const seconds = Math.round([...rows.values()].reduce((sum, r) => sum + r.seconds, 0) * 10) / 10;
  return { result: { name: 'preflight', status: ok ? 'passed' : 'failed', exitCode: ok ? 0 : 1, seconds, log }, problems };
}
