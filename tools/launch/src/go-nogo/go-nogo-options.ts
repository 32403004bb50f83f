import type { EnvSpec, OptionSpec } from '../cli/cli-command';

/** The measured-value options launch-go-nogo and launch-stage share. */
export const METRIC_OPTIONS: Record<string, OptionSpec> = {
  stage: { type: 'string', description: 'rollout stage: 1, 10, 50 or 100 (percent of traffic)' },
  'read-p95-ms': { type: 'string', description: 'read p95 latency measured at this stage (ms)' },
  'write-p95-ms': { type: 'string', description: 'write p95 latency measured at this stage (ms)' },
  'error-5xx-percent': { type: 'string', description: 'share of 5xx answers at this stage (percent, 0–100)' },
};

/** The thresholds' variables, for `--help`. */
export const THRESHOLD_ENV: EnvSpec[] = [
  { name: 'MAX_READ_P95_MS', default: '400', description: 'read p95 must be strictly below' },
  { name: 'MAX_WRITE_P95_MS', default: '700', description: 'write p95 must be strictly below' },
  { name: 'MAX_5XX_PERCENT', default: '1.0', description: '5xx percent must be strictly below' },
];
