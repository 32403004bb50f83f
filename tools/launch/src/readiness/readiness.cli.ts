import { type CommandSpec, readBoolean, runCli } from '../cli/cli-command';
import { currentContext, evaluateReadiness, parseDeadline } from './readiness';

const SPEC: CommandSpec = {
  name: 'launch-readiness-gate',
  summary: 'checks the launch deadline and the kube context (external cluster required; kind/minikube/k3d are staging-only)',
  options: { deadline: { type: 'string', description: 'ISO 8601 launch deadline (overrides LAUNCH_DEADLINE)' } },
  env: [
    { name: 'LAUNCH_DEADLINE', description: 'ISO 8601 date-time the launch must happen before (unset: not checked)' },
    { name: 'LAUNCH_REQUIRE_EXTERNAL_CLUSTER', default: 'true', description: 'false: accept a local cluster context (drills only)' },
    {
      name: 'LAUNCH_ALLOW_NO_CLUSTER',
      default: 'false',
      description: 'with LAUNCH_REQUIRE_EXTERNAL_CLUSTER=false: no context is a [WARN] (today-ready)',
    },
    { name: 'KUBECTL', default: 'kubectl', description: 'the kubectl binary' },
    { name: 'KUBECONFIG', description: 'read by kubectl as usual' },
  ],
  exitCodes: {
    0: '[READY]',
    1: '[NOT READY]: deadline passed, no context, or a local context while an external one is required',
    2: 'bad arguments or env',
  },
  examples: ['make launch-readiness-gate', 'LAUNCH_REQUIRE_EXTERNAL_CLUSTER=false make launch-readiness-gate'],
};

runCli(SPEC, (values) => {
  const deadline = parseDeadline(typeof values.deadline === 'string' ? values.deadline : process.env.LAUNCH_DEADLINE);
  const requireExternal = readBoolean(process.env, 'LAUNCH_REQUIRE_EXTERNAL_CLUSTER', true);
  const allowNoContext = readBoolean(process.env, 'LAUNCH_ALLOW_NO_CLUSTER', false);
  const verdict = evaluateReadiness({
    context: currentContext(process.env.KUBECTL || 'kubectl'),
    deadline,
    now: new Date(),
    requireExternal,
    allowNoContext,
  });
  process.stdout.write(`${verdict.lines.join('\n')}\n`);
  return verdict.ready ? 0 : 1;
});
