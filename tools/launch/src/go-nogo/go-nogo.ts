import { UsageError } from '../cli/cli-command';

/** The rollout stages of seed 000: the share of traffic (percent) on the new release. */
export const STAGES = [1, 10, 50, 100] as const;
/** One rollout stage. */
export type Stage = (typeof STAGES)[number];

/** What a stage measured: read and write p95 latency (ms) and the share of 5xx answers (percent). */
export interface StageMetrics {
  stage: Stage;
  readP95Ms: number;
  writeP95Ms: number;
  error5xxPercent: number;
}

/** The limits every measured value must stay strictly below. */
export interface Thresholds {
  maxReadP95Ms: number;
  maxWriteP95Ms: number;
  max5xxPercent: number;
}

/** Seed 000's limits: `MAX_READ_P95_MS` 400, `MAX_WRITE_P95_MS` 700, `MAX_5XX_PERCENT` 1.0. */
export const DEFAULT_THRESHOLDS: Thresholds = { maxReadP95Ms: 400, maxWriteP95Ms: 700, max5xxPercent: 1.0 };

/** One value at or over its limit. */
export interface Breach {
  metric: 'read_p95_ms' | 'write_p95_ms' | 'error_5xx_percent';
  value: number;
  limit: number;
  variable: string;
}

/** The decision: GO with no breach, or STOP with one breach per value at or over its limit. */
export interface Decision {
  go: boolean;
  metrics: StageMetrics;
  thresholds: Thresholds;
  breaches: Breach[];
  /** `[GO] …` or one `[STOP] …` line per breach. */
  lines: string[];
}

/** A non-negative finite number from `raw`, or a {@link UsageError} naming `what`. */
export function parseNumber(what: string, raw: string | undefined, max = Number.POSITIVE_INFINITY): number {
  if (raw === undefined || raw.trim() === '') throw new UsageError(`${what} is required`);
  const value = Number(raw.trim());
  if (!Number.isFinite(value) || value < 0 || value > max) throw new UsageError(`${what} must be a number from 0 to ${max}, got "${raw}"`);
  return value;
}

/** The thresholds from `MAX_READ_P95_MS`, `MAX_WRITE_P95_MS` and `MAX_5XX_PERCENT`, each defaulting to seed 000's. */
export function thresholdsFromEnv(env: NodeJS.ProcessEnv): Thresholds {
  const read = (name: string, fallback: number, max?: number) =>
    env[name] === undefined || env[name] === '' ? fallback : parseNumber(name, env[name], max);
  return {
    maxReadP95Ms: read('MAX_READ_P95_MS', DEFAULT_THRESHOLDS.maxReadP95Ms),
    maxWriteP95Ms: read('MAX_WRITE_P95_MS', DEFAULT_THRESHOLDS.maxWriteP95Ms),
    max5xxPercent: read('MAX_5XX_PERCENT', DEFAULT_THRESHOLDS.max5xxPercent, 100),
  };
}

/** The stage metrics from the CLI's `--stage --read-p95-ms --write-p95-ms --error-5xx-percent` values. */
export function metricsFromArgs(values: Record<string, string | boolean | undefined>): StageMetrics {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const stageRaw = text('stage');
  const stage = Number(stageRaw);
  if (stageRaw === undefined) throw new UsageError('--stage is required (one of 1, 10, 50, 100)');
  if (!STAGES.includes(stage as Stage)) throw new UsageError(`--stage must be one of ${STAGES.join(', ')}, got "${stageRaw}"`);
  return {
    stage: stage as Stage,
    readP95Ms: parseNumber('--read-p95-ms', text('read-p95-ms')),
    writeP95Ms: parseNumber('--write-p95-ms', text('write-p95-ms')),
    error5xxPercent: parseNumber('--error-5xx-percent', text('error-5xx-percent'), 100),
  };
}

/**
 * Seed 000's go/no-go: GO only when every value is strictly below its limit; a value equal to
 * its limit is a breach.
 *
 * @example
 * evaluate({ stage: 10, readP95Ms: 285, writeP95Ms: 430, error5xxPercent: 0.22 }).go; // true
 */
export function evaluate(metrics: StageMetrics, thresholds: Thresholds = DEFAULT_THRESHOLDS): Decision {
  const checks: Breach[] = [
    { metric: 'read_p95_ms', value: metrics.readP95Ms, limit: thresholds.maxReadP95Ms, variable: 'MAX_READ_P95_MS' },
    { metric: 'write_p95_ms', value: metrics.writeP95Ms, limit: thresholds.maxWriteP95Ms, variable: 'MAX_WRITE_P95_MS' },
    { metric: 'error_5xx_percent', value: metrics.error5xxPercent, limit: thresholds.max5xxPercent, variable: 'MAX_5XX_PERCENT' },
  ];
  const breaches = checks.filter((c) => !(c.value < c.limit));
  const unit = (b: Breach) => (b.metric === 'error_5xx_percent' ? ' %' : ' ms');
  const lines = breaches.length
    ? breaches.map(
        (b) => `[STOP] stage ${metrics.stage}: ${b.metric} ${b.value}${unit(b)} is not below ${b.limit}${unit(b)} (${b.variable})`,
      )
    : [`[GO] stage ${metrics.stage}: ${checks.map((c) => `${c.metric} ${c.value}${unit(c)} < ${c.limit}${unit(c)}`).join(', ')}`];
  return { go: breaches.length === 0, metrics, thresholds, breaches, lines };
}
