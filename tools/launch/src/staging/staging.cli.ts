import { spawnSync } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import { type CommandSpec, progress, runCli, UsageError } from '../cli/cli-command';
import { deploy, deployments, kubectlRunner, renderOverlay, rollback, SECRET_KEYS, SECRET_NAME } from './staging';

const ROOT = resolve(__dirname, '../../../..');
const ACTIONS = ['deploy', 'rollback', 'dry-run'] as const;

const SPEC: CommandSpec = {
  name: 'staging',
  summary: 'staging-deploy / staging-rollback / staging-deploy-dry-run of infra/kubernetes/overlays/staging',
  options: {
    action: { type: 'string', description: 'deploy | rollback | dry-run' },
    overlay: { type: 'string', description: 'overlay folder (default infra/kubernetes/overlays/staging)' },
  },
  env: [
    { name: 'DATABASE_URL', description: 'deploy: required, written to the Secret' },
    { name: 'AUTH_JWT_SECRET', description: 'deploy: required, written to the Secret as JWT_SECRET' },
    { name: 'REDIS_URL / EDGE_IDENTITY_KEY / PLAYBACK_SIGNING_KEY', description: 'deploy: written to the Secret when exported' },
    { name: 'STAGING_ROLLOUT_TIMEOUT', default: '300s', description: 'kubectl rollout status --timeout per Deployment' },
    { name: 'KUBECTL', default: 'kubectl', description: 'the kubectl binary (its current context is the target cluster)' },
  ],
  exitCodes: {
    0: 'applied and every rollout finished (dry-run: rendered and validated)',
    1: 'kubectl, a rollout or the validation failed',
    2: 'bad arguments or missing DATABASE_URL / AUTH_JWT_SECRET',
  },
  examples: ['DATABASE_URL=… AUTH_JWT_SECRET=… make staging-deploy', 'make staging-rollback', 'make staging-deploy-dry-run'],
};

runCli(SPEC, (values) => {
  const action = values.action;
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action))
    throw new UsageError(`--action must be one of ${ACTIONS.join(', ')}`);
  const overlay = resolve(ROOT, typeof values.overlay === 'string' ? values.overlay : 'infra/kubernetes/overlays/staging');
  const kubectl = kubectlRunner(process.env.KUBECTL || 'kubectl');
  const timeout = process.env.STAGING_ROLLOUT_TIMEOUT?.trim() || '300s';
  const say = progress(`staging-${action}`);

  if (action === 'dry-run') {
    say(`rendering ${overlay} (kubectl kustomize, no cluster)`);
    const { namespace, names, jobs } = deployments(renderOverlay(kubectl, overlay));
    say(`${names.length} Deployments in ${namespace}: ${names.join(', ')}`);
    say(`validating the ${basename(overlay)} overlay offline (pnpm run kube-validate --overlay ${basename(overlay)})`);
    const v = spawnSync(process.execPath, [join(ROOT, 'tools/dev/kube-validate.js'), '--root', ROOT, '--overlay', basename(overlay)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: process.env,
    });
    if (v.status !== 0) return 1;
    const missing = SECRET_KEYS.filter((k) => k.required && !process.env[k.env]?.trim()).map((k) => k.env);
    say(
      `a deploy would apply Secret ${SECRET_NAME} (${
        SECRET_KEYS.filter((k) => process.env[k.env]?.trim())
          .map((k) => k.key)
          .join(', ') || 'no keys exported'
      }), delete + re-run ${jobs.length} migrate Jobs, kubectl apply -k, then ${names.length} rollout waits`,
    );
    if (missing.length) say(`note: a deploy needs ${missing.join(' and ')} exported`);
    process.stdout.write('[OK] staging dry run: rendered and validated without a cluster\n');
    return 0;
  }
  if (action === 'deploy') {
    const names = deploy(kubectl, overlay, process.env, timeout, say);
    process.stdout.write(`[OK] staging deployed: ${names.length} rollouts finished\n`);
    return 0;
  }
  const names = rollback(kubectl, overlay, timeout, say);
  process.stdout.write(`[OK] staging rolled back: ${names.length} Deployments undone and rolled out\n`);
  return 0;
});
