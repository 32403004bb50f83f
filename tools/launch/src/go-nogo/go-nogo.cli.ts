import { type CommandSpec, runCli } from '../cli/cli-command';
import { evaluate, metricsFromArgs, thresholdsFromEnv } from './go-nogo';
import { METRIC_OPTIONS, THRESHOLD_ENV } from './go-nogo-options';

const SPEC: CommandSpec = {
  name: 'launch-go-nogo',
  summary: 'GO or STOP for one rollout stage from its measured p95 latencies and 5xx share (each strictly below its limit)',
  options: METRIC_OPTIONS,
  env: THRESHOLD_ENV,
  exitCodes: {
    0: '[GO]: every value below its limit',
    1: '[STOP]: one line per value at or over its limit',
    2: 'missing or bad arguments',
  },
  examples: ['make launch-go-nogo ARGS="--stage 10 --read-p95-ms 285 --write-p95-ms 430 --error-5xx-percent 0.22"'],
};

runCli(SPEC, (values) => {
  const decision = evaluate(metricsFromArgs(values), thresholdsFromEnv(process.env));
  process.stdout.write(`${decision.lines.join('\n')}\n`);
  return decision.go ? 0 : 1;
});
