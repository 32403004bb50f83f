import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision } from '../go-nogo/go-nogo';

/** Who ran a stage and why, as given by `--owner` and `--notes`. */
export interface StageRun {
  owner: string;
  notes: string;
  at: Date;
}

/** What happened to the rollback after a STOP. */
export type RollbackOutcome =
  { kind: 'not-needed' } | { kind: 'skipped'; reason: string } | { kind: 'ran'; command: string; exitCode: number };

/** The files launch-stage appends to, under one evidence folder. */
export interface EvidencePaths {
  report: string;
  log: string;
  incidents: string;
}

/** The evidence files under `dir`: `rollout-report.md`, `evaluation.log`, `incidents.md`. */
export function evidencePaths(dir: string): EvidencePaths {
  return { report: join(dir, 'rollout-report.md'), log: join(dir, 'evaluation.log'), incidents: join(dir, 'incidents.md') };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim() || '—';

function rollbackText(outcome: RollbackOutcome): string {
  if (outcome.kind === 'not-needed') return 'not needed';
  if (outcome.kind === 'skipped') return `skipped (${outcome.reason})`;
  return `\`${outcome.command}\` exit ${outcome.exitCode}${outcome.exitCode === 0 ? '' : ' (FAILED)'}`;
}

/**
 * Appends one stage's evidence under `dir` (made when missing): a row of the rollout report
 * (header on first use), the evaluation lines with their time, and on STOP an incident section
 * with every breach and the rollback's outcome.
 */
export function writeStageEvidence(dir: string, decision: Decision, run: StageRun, rollback: RollbackOutcome): EvidencePaths {
  mkdirSync(dir, { recursive: true });
  const paths = evidencePaths(dir);
  const at = run.at.toISOString();
  const m = decision.metrics;
  if (!existsSync(paths.report)) {
    appendFileSync(
      paths.report,
      '# Rollout report\n\n| time (UTC) | stage % | read p95 ms | write p95 ms | 5xx % | decision | owner | notes | rollback |\n| --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |\n',
    );
  }
  const row = [
    at,
    m.stage,
    m.readP95Ms,
    m.writeP95Ms,
    m.error5xxPercent,
    decision.go ? 'GO' : 'STOP',
    cell(run.owner),
    cell(run.notes),
    rollbackText(rollback),
  ];
  appendFileSync(paths.report, `| ${row.join(' | ')} |\n`);
  const t = decision.thresholds;
  const limits = `limits read<${t.maxReadP95Ms} write<${t.maxWriteP95Ms} 5xx<${t.max5xxPercent}`;
  appendFileSync(
    paths.log,
    [
      `${at} stage=${m.stage} owner=${cell(run.owner)} ${limits}`,
      ...decision.lines.map((l) => `${at} ${l}`),
      `${at} rollback: ${rollbackText(rollback)}`,
      '',
    ].join('\n'),
  );
  if (!decision.go) {
    const section = [
      `## Incident: stage ${m.stage} STOP at ${at}`,
      '',
      `- owner: ${cell(run.owner)}`,
      `- notes: ${cell(run.notes)}`,
      `- measured: read p95 ${m.readP95Ms} ms, write p95 ${m.writeP95Ms} ms, 5xx ${m.error5xxPercent} %`,
      ...decision.breaches.map((b) => `- breach: ${b.metric} ${b.value} is not below ${b.limit} (${b.variable})`),
      `- rollback: ${rollbackText(rollback)}`,
      '',
    ];
    appendFileSync(paths.incidents, `${section.join('\n')}\n`);
  }
  return paths;
}
