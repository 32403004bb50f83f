import { UsageError } from '../cli/cli-command';
import { fakeBinary, runLaunchCli } from '../testing/run-cli';
import { classifyContext, currentContext, evaluateReadiness, parseDeadline } from './readiness';

const now = new Date('2026-12-01T12:00:00Z');
const ctx = (context: string) => ({ ok: true as const, context });

describe('launch readiness gate', () => {
  it.each([
    ['kind-launch', 'staging-only'],
    ['minikube', 'staging-only'],
    ['k3d-dev', 'staging-only'],
    ['docker-desktop', 'staging-only'],
    ['gke_mikas_europe-west3_prod', 'external'],
    ['arn:aws:eks:eu-central-1:123:cluster/staging', 'external'],
    ['kindergarten-cluster', 'external'],
    ['', 'none'],
  ])('classifies context %p as %s', (name, kind) => {
    expect(classifyContext(name)).toBe(kind);
  });

  it('an external context with a deadline ahead is READY', () => {
    const v = evaluateReadiness({ context: ctx('gke_prod'), deadline: new Date('2026-12-01T18:00:00Z'), now, requireExternal: true });
    expect(v.ready).toBe(true);
    expect(v.lines).toEqual([
      '[OK] deadline: 2026-12-01T18:00:00.000Z is 6.0 h ahead',
      '[OK] cluster context: gke_prod (external)',
      '[READY] launch readiness gate passed',
    ]);
  });

  it('a deadline that is now or passed is NOT READY', () => {
    expect(evaluateReadiness({ context: ctx('gke_prod'), deadline: now, now, requireExternal: true }).ready).toBe(false);
    const v = evaluateReadiness({ context: ctx('gke_prod'), deadline: new Date('2026-12-01T10:30:00Z'), now, requireExternal: true });
    expect(v.lines[0]).toBe('[FAIL] deadline: 2026-12-01T10:30:00.000Z passed 1.5 h ago');
  });

  it('a local context is staging-only: NOT READY by default, READY for a drill with requireExternal false', () => {
    const strict = evaluateReadiness({ context: ctx('kind-mikas'), now, requireExternal: true });
    expect([strict.ready, strict.kind]).toEqual([false, 'staging-only']);
    expect(strict.lines[1]).toContain('is a local cluster (staging-only)');
    const drill = evaluateReadiness({ context: ctx('kind-mikas'), now, requireExternal: false });
    expect(drill.ready).toBe(true);
    expect(drill.lines[0]).toBe('[WARN] deadline: LAUNCH_DEADLINE not set, not checked');
  });

  it('no context is NOT READY even for drills, unless local readiness allows it (and only without the external policy)', () => {
    const none = { ok: false as const, reason: 'kubectl is not on PATH' };
    const v = evaluateReadiness({ context: none, now, requireExternal: false });
    expect([v.ready, v.kind]).toEqual([false, 'none']);
    const local = evaluateReadiness({ context: none, now, requireExternal: false, allowNoContext: true });
    expect([local.ready, local.lines[1]]).toEqual([true, expect.stringMatching(/^\[WARN\] cluster context: none/)]);
    expect(evaluateReadiness({ context: none, now, requireExternal: true, allowNoContext: true }).ready).toBe(false);
  });

  it('parses ISO deadlines and refuses anything else', () => {
    expect(parseDeadline(undefined)).toBeUndefined();
    expect(parseDeadline('2026-12-01T18:00:00+01:00')?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(() => parseDeadline('tomorrow')).toThrow(UsageError);
    expect(() => parseDeadline('2026-13-45T99:00:00Z')).toThrow(UsageError);
  });

  it('reads the context from kubectl, and says when kubectl is missing', () => {
    const kubectl = fakeBinary('kubectl', { stdout: 'k3d-launch\n' });
    expect(currentContext(`${kubectl.dir}/kubectl`)).toEqual({ ok: true, context: 'k3d-launch' });
    expect(currentContext('/nonexistent/kubectl')).toEqual({ ok: false, reason: '/nonexistent/kubectl is not on PATH' });
    const none = fakeBinary('kubectl', { code: 1, stdout: 'error: current-context is not set' });
    expect(currentContext(`${none.dir}/kubectl`)).toEqual({ ok: false, reason: 'error: current-context is not set' });
  });

  it('the CLI exits 1 on a local context, 0 with LAUNCH_REQUIRE_EXTERNAL_CLUSTER=false, using kubectl from PATH', () => {
    const kubectl = fakeBinary('kubectl', { stdout: 'minikube' });
    const path = `${kubectl.dir}:${process.env.PATH}`;
    const strict = runLaunchCli('readiness/readiness.cli.ts', [], { PATH: path, LAUNCH_DEADLINE: '2099-01-01T00:00:00Z' });
    expect([strict.status, strict.stdout.trim().split('\n').at(-1)]).toEqual([1, '[NOT READY] launch readiness gate failed']);
    const drill = runLaunchCli('readiness/readiness.cli.ts', [], { PATH: path, LAUNCH_REQUIRE_EXTERNAL_CLUSTER: 'false' });
    expect([drill.status, drill.stdout.trim().split('\n').at(-1)]).toEqual([0, '[READY] launch readiness gate passed']);
    const bad = runLaunchCli('readiness/readiness.cli.ts', [], { PATH: path, LAUNCH_REQUIRE_EXTERNAL_CLUSTER: 'maybe' });
    expect(bad.status).toBe(2);
    const none = fakeBinary('kubectl', { code: 1, stdout: 'error: current-context is not set' });
    const nonePath = `${none.dir}:${process.env.PATH}`;
    expect(runLaunchCli('readiness/readiness.cli.ts', [], { PATH: nonePath, LAUNCH_REQUIRE_EXTERNAL_CLUSTER: 'false' }).status).toBe(1);
    const local = runLaunchCli('readiness/readiness.cli.ts', [], {
      PATH: nonePath,
      LAUNCH_REQUIRE_EXTERNAL_CLUSTER: 'false',
      LAUNCH_ALLOW_NO_CLUSTER: 'true',
    });
    expect([local.status, local.stdout]).toEqual([0, expect.stringContaining('[WARN] cluster context: none')]);
  });
});
