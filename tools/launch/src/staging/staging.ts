import { spawnSync } from 'node:child_process';
import YAML from 'yaml';
import { UsageError } from '../cli/cli-command';

/** The Secret every pod reads (infra/kubernetes/base/config.yaml). */
export const SECRET_NAME = 'mikasmissions-secrets';

/** Secret keys staging-deploy writes: required `DATABASE_URL` and `AUTH_JWT_SECRET` (→ `JWT_SECRET`), the rest when exported. */
export const SECRET_KEYS: { env: string; key: string; required: boolean }[] = [
  { env: 'DATABASE_URL', key: 'DATABASE_URL', required: true },
  { env: 'AUTH_JWT_SECRET', key: 'JWT_SECRET', required: true },
  { env: 'REDIS_URL', key: 'REDIS_URL', required: false },
  { env: 'EDGE_IDENTITY_KEY', key: 'EDGE_IDENTITY_KEY', required: false },
  { env: 'PLAYBACK_SIGNING_KEY', key: 'PLAYBACK_SIGNING_KEY', required: false },
];

/** A rendered Kubernetes object (the fields staging-deploy reads). */
export interface KubeObject {
  kind: string;
  metadata: { name: string; namespace?: string };
}

/** The result of one kubectl call. */
export interface KubectlResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs kubectl with `args` (and `input` on stdin); a missing binary is status 127. */
export type Kubectl = (args: string[], input?: string) => KubectlResult;

/** A {@link Kubectl} over the binary `bin` (default `kubectl` on PATH). */
export function kubectlRunner(bin = 'kubectl', timeoutMs = 600_000): Kubectl {
  return (args, input) => {
    const r = spawnSync(bin, args, { encoding: 'utf8', input, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    if (r.error) return { status: 127, stdout: '', stderr: `${bin}: ${r.error.message}` };
    return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
  };
}

/** The objects of `kubectl kustomize <overlay>`; throws with kubectl's message when it fails. */
export function renderOverlay(kubectl: Kubectl, overlay: string): KubeObject[] {
  const r = kubectl(['kustomize', overlay]);
  if (r.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed: ${r.stderr.trim()}`);
  return YAML.parseAllDocuments(r.stdout)
    .map((d) => d.toJSON() as KubeObject)
    .filter((o) => o?.kind);
}

/** The Deployments and (migrate) Jobs of a render and their namespace (one namespace per overlay). */
export function deployments(objects: readonly KubeObject[]): { namespace: string; names: string[]; jobs: string[] } {
  const list = objects.filter((o) => o.kind === 'Deployment');
  if (list.length === 0) throw new Error('the overlay renders no Deployment');
  const namespaces = [...new Set(list.map((o) => o.metadata.namespace ?? 'default'))];
  if (namespaces.length !== 1) throw new Error(`the overlay's Deployments span namespaces ${namespaces.join(', ')}`);
  const jobs = objects
    .filter((o) => o.kind === 'Job')
    .map((o) => o.metadata.name)
    .sort();
  return { namespace: namespaces[0], names: list.map((o) => o.metadata.name).sort(), jobs };
}

/** The Secret manifest (stringData) from `env`; throws a {@link UsageError} naming every missing required variable. */
export function secretManifest(env: NodeJS.ProcessEnv, namespace: string): { manifest: string; keys: string[] } {
  const missing = SECRET_KEYS.filter((k) => k.required && !env[k.env]?.trim()).map((k) => k.env);
  if (missing.length)
    throw new UsageError(`staging-deploy needs ${missing.join(' and ')} (export ${missing.map((m) => `${m}=…`).join(' ')})`);
  const stringData = Object.fromEntries(SECRET_KEYS.filter((k) => env[k.env]?.trim()).map((k) => [k.key, env[k.env]!.trim()]));
  const secret = { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: SECRET_NAME, namespace }, stringData };
  return { manifest: JSON.stringify(secret), keys: Object.keys(stringData) };
}

/** Throws with kubectl's output unless it succeeded. */
function must(r: KubectlResult, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/** Waits for every Deployment's rollout (`kubectl rollout status`), one at a time, reporting each. */
export function waitRollouts(
  kubectl: Kubectl,
  namespace: string,
  names: readonly string[],
  timeout: string,
  say: (line: string) => void,
): void {
  names.forEach((name, i) => {
    say(`rollout ${i + 1}/${names.length}: deployment/${name}`);
    must(
      kubectl(['-n', namespace, 'rollout', 'status', `deployment/${name}`, `--timeout=${timeout}`]),
      `rollout status deployment/${name}`,
    );
  });
}

/**
 * staging-deploy: the Secret from env (`kubectl apply -f -`, values on stdin, never in argv or
 * logs); the finished `<app>-migrate` Jobs deleted (a Job is immutable; re-running is safe);
 * `kubectl apply -k <overlay>`; a wait for every migrate Job; then a rollout wait per Deployment.
 */
export function deploy(kubectl: Kubectl, overlay: string, env: NodeJS.ProcessEnv, timeout: string, say: (line: string) => void): string[] {
  const { namespace, names, jobs } = deployments(renderOverlay(kubectl, overlay));
  const secret = secretManifest(env, namespace);
  say(`Secret ${SECRET_NAME} in ${namespace}: ${secret.keys.join(', ')}`);
  must(kubectl(['apply', '-f', '-'], secret.manifest), `apply Secret ${SECRET_NAME}`);
  if (jobs.length) {
    say(`deleting ${jobs.length} previous migrate Jobs (immutable; re-running is safe)`);
    must(kubectl(['-n', namespace, 'delete', 'job', ...jobs, '--ignore-not-found']), 'delete migrate Jobs');
  }
  say(`kubectl apply -k ${overlay}`);
  must(kubectl(['apply', '-k', overlay]), `kubectl apply -k ${overlay}`);
  jobs.forEach((job, i) => {
    say(`migrate ${i + 1}/${jobs.length}: job/${job}`);
    must(kubectl(['-n', namespace, 'wait', '--for=condition=complete', `job/${job}`, `--timeout=${timeout}`]), `wait job/${job}`);
  });
  waitRollouts(kubectl, namespace, names, timeout, say);
  return names;
}

/** staging-rollback: `kubectl rollout undo` of every Deployment of the overlay, then a rollout wait per Deployment. */
export function rollback(kubectl: Kubectl, overlay: string, timeout: string, say: (line: string) => void): string[] {
  const { namespace, names } = deployments(renderOverlay(kubectl, overlay));
  names.forEach((name, i) => {
    say(`undo ${i + 1}/${names.length}: deployment/${name}`);
    must(kubectl(['-n', namespace, 'rollout', 'undo', `deployment/${name}`]), `rollout undo deployment/${name}`);
  });
  waitRollouts(kubectl, namespace, names, timeout, say);
  return names;
}
