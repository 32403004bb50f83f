import { spawnSync } from 'node:child_process';
import { UsageError } from '../cli/cli-command';

/** What a kube context is for a launch: a real cluster, a laptop cluster (staging drills only), or none. */
export type ContextKind = 'external' | 'staging-only' | 'none';

/** Context names of laptop clusters: kind (`kind-*`), minikube, k3d (`k3d-*`), and Docker/Rancher Desktop and colima. */
const LOCAL_CONTEXT = /^(kind-.+|minikube.*|k3d-.+|docker-desktop|docker-for-desktop|rancher-desktop|colima.*)$/;

/** Classifies a `kubectl config current-context` answer (`undefined`: no context). */
export function classifyContext(context: string | undefined): ContextKind {
  if (!context?.trim()) return 'none';
  return LOCAL_CONTEXT.test(context.trim()) ? 'staging-only' : 'external';
}

/** The current context, or why there is none (no kubectl, no kubeconfig, no current context). */
export type CurrentContext = { ok: true; context: string } | { ok: false; reason: string };

/** Asks `kubectl config current-context` (kubectl found on PATH; honours KUBECONFIG; same on Linux and macOS). */
export function currentContext(kubectl = 'kubectl', env: NodeJS.ProcessEnv = process.env): CurrentContext {
  const r = spawnSync(kubectl, ['config', 'current-context'], { encoding: 'utf8', env, timeout: 15_000 });
  if (r.error)
    return { ok: false, reason: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? `${kubectl} is not on PATH` : r.error.message };
  if (r.status !== 0) return { ok: false, reason: (r.stderr || r.stdout || `exit ${r.status}`).trim() };
  const context = r.stdout.trim();
  return context ? { ok: true, context } : { ok: false, reason: 'kubectl printed no current context' };
}

/** A deadline from an ISO 8601 date-time (`2026-12-01T18:00:00Z`); `undefined` when not given. */
export function parseDeadline(raw: string | undefined): Date | undefined {
  if (!raw?.trim()) return undefined;
  const text = raw.trim();
  const at = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(at.getTime()))
    throw new UsageError(`LAUNCH_DEADLINE must be an ISO 8601 date-time such as 2026-12-01T18:00:00Z, got "${raw}"`);
  return at;
}

/** What the readiness gate looks at. */
export interface ReadinessInput {
  context: CurrentContext;
  deadline?: Date;
  now: Date;
  requireExternal: boolean;
  /** Local readiness (today-ready): no context at all is a warning, not a failure. Only with `requireExternal` false. */
  allowNoContext?: boolean;
}

/** The gate's verdict: ready or not, the context's kind, and one `[OK]`/`[FAIL]`/`[WARN]` line per check. */
export interface ReadinessVerdict {
  ready: boolean;
  kind: ContextKind;
  lines: string[];
}

const hours = (ms: number) => `${(ms / 3_600_000).toFixed(1)} h`;

/**
 * Seed 000's launch readiness: the deadline (when set) must lie ahead, and the cluster context
 * must be external; kind/minikube/k3d contexts count as staging-only and fail unless
 * `requireExternal` is false (local drills).
 */
export function evaluateReadiness(input: ReadinessInput): ReadinessVerdict {
  const lines: string[] = [];
  let ready = true;
  if (!input.deadline) lines.push('[WARN] deadline: LAUNCH_DEADLINE not set, not checked');
  else if (input.deadline.getTime() > input.now.getTime())
    lines.push(`[OK] deadline: ${input.deadline.toISOString()} is ${hours(input.deadline.getTime() - input.now.getTime())} ahead`);
  else {
    ready = false;
    lines.push(`[FAIL] deadline: ${input.deadline.toISOString()} passed ${hours(input.now.getTime() - input.deadline.getTime())} ago`);
  }
  const kind = input.context.ok ? classifyContext(input.context.context) : 'none';
  if (!input.context.ok && input.allowNoContext && !input.requireExternal) {
    lines.push(`[WARN] cluster context: none (${input.context.reason}); local readiness without a cluster (LAUNCH_ALLOW_NO_CLUSTER=true)`);
  } else if (!input.context.ok) {
    ready = false;
    lines.push(`[FAIL] cluster context: none (${input.context.reason}); configure kubectl for the target cluster`);
  } else if (kind === 'external') lines.push(`[OK] cluster context: ${input.context.context} (external)`);
  else if (!input.requireExternal)
    lines.push(
      `[OK] cluster context: ${input.context.context} (staging-only; allowed because LAUNCH_REQUIRE_EXTERNAL_CLUSTER=false — local drill)`,
    );
  else {
    ready = false;
    lines.push(
      `[FAIL] cluster context: ${input.context.context} is a local cluster (staging-only); a public launch needs an external cluster (LAUNCH_REQUIRE_EXTERNAL_CLUSTER=false for local drills)`,
    );
  }
  lines.push(ready ? '[READY] launch readiness gate passed' : '[NOT READY] launch readiness gate failed');
  return { ready, kind, lines };
}
